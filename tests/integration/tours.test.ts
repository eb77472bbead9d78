import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Client } from '../../shared/domain/client';
import { emptyTourInput, emptyTouristFields, type TouristFields } from '../../shared/domain/tour';
import { touristFromClient } from '../../shared/domain/tourist-client';
import { ivanov } from '../helpers/fixtures';
import { createTempBackend, type TempBackend } from '../helpers/temp-backend';

let t: TempBackend;
beforeEach(async () => {
  t = await createTempBackend({ today: '2026-11-23' });
});
afterEach(async () => {
  await t.dispose();
});

const tourInput = (voucher: string, extra: Partial<ReturnType<typeof emptyTourInput>> = {}) => ({
  ...emptyTourInput(),
  voucher,
  country: 'FRA',
  arrivalDate: '2027-05-01',
  departureDate: '2027-05-10',
  hotel: 'Hôtel du Louvre',
  priceMinor: 250_000_00,
  services: [
    {
      kind: 'accommodation' as const,
      description: 'Hôtel du Louvre, 9 nights',
      startDate: '2027-05-01',
      endDate: '2027-05-10',
      priceMinor: 150_000_00,
    },
    {
      kind: 'flight' as const,
      description: 'SVO-CDG-SVO',
      startDate: '2027-05-01',
      endDate: '2027-05-10',
      priceMinor: 80_000_00,
    },
  ],
  ...extra,
});

const touristInput = (
  fields: Partial<TouristFields>,
  extra: { clientId?: number | null; serviceIds?: number[] } = {},
) => ({
  ...emptyTouristFields(),
  ...fields,
  clientId: extra.clientId ?? null,
  serviceIds: extra.serviceIds ?? [],
});

describe('tours', () => {
  it('saves a tour with services, keeps vouchers unique and refuses a stale save', async () => {
    const tour = await t.call('tours.save', tourInput('FR-001'));
    expect(tour.services.map((s) => s.kind)).toEqual(['accommodation', 'flight']);
    const clash = await t.callError('tours.save', tourInput('FR-001'));
    expect(clash).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'voucher', code: 'voucherTaken' }] });
    const edited = await t.call('tours.save', { ...tour, hotel: 'Ritz', services: [tour.services[1]!] });
    expect(edited.services.map((s) => s.id)).toEqual([tour.services[1]!.id]);
    expect((await t.callError('tours.save', { ...tour, hotel: 'Old' })).code).toBe('STALE_VERSION');
    const backwards = await t.callError('tours.save', tourInput('FR-002', { departureDate: '2027-04-01' }));
    expect(backwards.issues).toEqual([{ path: 'departureDate', code: 'departureBeforeArrival' }]);
  });

  it('finds a tour by voucher, by a tourist name typed in the other script, and by periods', async () => {
    const paris = await t.call('tours.save', tourInput('FR-100'));
    const rome = await t.call(
      'tours.save',
      tourInput('IT-200', { country: 'ITA', arrivalDate: '2027-07-01', departureDate: '2027-07-08' }),
    );
    await t.call('tourists.save', {
      tourId: paris.id,
      tourist: touristInput({ lastNameLat: 'SHCHUKINA', firstNameLat: 'IULIIA' }),
    });
    await t.call('tourists.save', {
      tourId: rome.id,
      tourist: touristInput({ lastNameRu: 'Петров', firstNameRu: 'Пётр' }),
    });
    const vouchers = async (q: object) => (await t.call('tours.list', q)).rows.map((r) => r.voucher);
    expect(await vouchers({ voucher: 'FR' })).toEqual(['FR-100']);
    expect(await vouchers({ touristName: 'Щукина' })).toEqual(['FR-100']);
    expect(await vouchers({ touristName: 'petrov' })).toEqual(['IT-200']);
    expect(await vouchers({ arrivalFrom: '2027-06-01' })).toEqual(['IT-200']);
    expect(await vouchers({ arrivalFrom: '2027-04-01', arrivalTo: '2027-05-31' })).toEqual(['FR-100']);
    const today = '2026-11-23'; // the backend's pinned clock
    expect((await vouchers({ createdFrom: today, createdTo: today })).sort()).toEqual(['FR-100', 'IT-200']);
    expect(await vouchers({ createdTo: '2020-01-01' })).toEqual([]);
    const row = (await t.call('tours.list', { voucher: 'FR-100' })).rows[0]!;
    expect(row).toMatchObject({ touristCount: 1, leadTourist: 'SHCHUKINA IULIIA' });
  });
});

describe('regular-client lookup (R1)', () => {
  let first: Client;
  let second: Client;
  let third: Client;
  beforeEach(async () => {
    first = await t.call('clients.save', { ...ivanov(), cardLast4: '4321' });
    const other = ivanov({ birthDate: '1990-02-02', firstNameRu: 'Игорь', firstNameLat: 'IGOR' });
    other.documents = [{ ...other.documents[0]!, series: '76', number: '7654321' }];
    second = await t.call('clients.save', other);
    // Same surname, another internal passport: 4510 123456 shares only its number with the first's.
    const namesake = ivanov({ birthDate: '1975-01-01', firstNameRu: 'Олег', firstNameLat: 'OLEG' });
    namesake.documents = [
      { ...namesake.documents[0]!, series: '77', number: '1111111' },
      { ...namesake.documents[1]!, series: '4510', number: '123456' },
    ];
    third = await t.call('clients.save', namesake);
    await t.call('clients.save', {
      ...ivanov({ lastNameRu: 'Иванова', lastNameLat: 'IVANOVA' }),
      documents: [],
    });
  });

  const ids = async (criteria: object) =>
    (await t.call('clients.lookup', { lastName: 'Иванов', ...criteria })).candidates.map((c) => c.id);

  it('finds the exact surname in either script and narrows by what else is known', async () => {
    expect(await ids({})).toEqual([first.id, second.id, third.id]);
    expect((await t.call('clients.lookup', { lastName: 'ivanov' })).total).toBe(3);
    expect(await ids({ passportNumber: '76 7654321' })).toEqual([second.id]);
    expect(await ids({ passportNumber: '1234567' })).toEqual([first.id]);
    expect(await ids({ birthDate: '1990-02-02' })).toEqual([second.id]);
    expect(await ids({ firstName: 'igor' })).toEqual([second.id]);
    expect(await ids({ firstName: 'Иг' })).toEqual([second.id]);
    expect(await ids({ cardLast4: '4321' })).toEqual([first.id]);
    expect(await ids({ passportNumber: '000' })).toEqual([]);
    expect((await t.call('clients.lookup', { lastName: 'Сидоров' })).total).toBe(0);
  });

  it('narrows by the internal passport, series and number together or the number alone', async () => {
    expect(await ids({ internalPassport: '4506123456' })).toEqual([first.id]);
    expect(await ids({ internalPassport: '45 06 123456' })).toEqual([first.id]);
    expect(await ids({ internalPassport: '4510 123456' })).toEqual([third.id]);
    expect(await ids({ internalPassport: '123456' })).toEqual([first.id, third.id]);
    expect(await ids({ internalPassport: '4506 654321' })).toEqual([]);
    // A foreign passport's digits are not an internal passport.
    expect(await ids({ internalPassport: '771111111' })).toEqual([]);
  });
});

describe('tourists and their regular clients (R2, R3, R9)', () => {
  it('adds a tourist to the regular clients on save', async () => {
    const tour = await t.call('tours.save', tourInput('FR-300'));
    const { tourist, client } = await t.call('tourists.save', {
      tourId: tour.id,
      tourist: touristInput({
        lastNameRu: 'Новикова',
        firstNameRu: 'Анна',
        lastNameLat: 'NOVIKOVA',
        firstNameLat: 'ANNA',
        gender: 'F',
        birthDate: '1991-03-03',
        passportNumber: '751112233',
        passportExpiry: '2031-01-01',
        passportLastNameLat: 'NOVIKOVA',
        passportFirstNameLat: 'ANNA',
      }),
      addToClients: true,
    });
    expect(client).not.toBeNull();
    expect(tourist.clientId).toBe(client!.id);
    expect(tourist.passportSeries).toBe('75');
    expect(client!.documents).toMatchObject([
      { kind: 'foreign_passport', series: '75', number: '1112233', expiryDate: '2031-01-01' },
    ]);
    expect((await t.call('clients.list', { search: 'novikova' })).total).toBe(1);
  });

  it('updates only the client fields the clerk chose, and refuses a stale client', async () => {
    const client = await t.call('clients.save', ivanov());
    const tour = await t.call('tours.save', tourInput('FR-400'));
    const changed = {
      ...touristFromClient(client, { ticketNumber: '555' }),
      phone: '+7 999 000-00-00',
      passportSeries: '77',
      passportNumber: '9999999',
      passportExpiry: '2036-01-01',
    };
    const saved = await t.call('tourists.save', {
      tourId: tour.id,
      tourist: { ...changed, clientId: client.id, serviceIds: [] },
      updateClient: { clientVersion: client.version, fields: ['phone'] },
    });
    const afterPhone = await t.call('clients.get', { id: client.id });
    expect(afterPhone.phone).toBe('+7 999 000-00-00');
    expect(afterPhone.documents.map((d) => d.number)).toEqual(['1234567', '123456']);
    expect(saved.tourist.ticketNumber).toBe('555');

    await t.call('tourists.save', {
      tourId: tour.id,
      tourist: {
        ...changed,
        id: saved.tourist.id,
        version: saved.tourist.version,
        clientId: client.id,
        serviceIds: [],
      },
      updateClient: { clientVersion: afterPhone.version, fields: ['foreignPassport'] },
    });
    const afterPassport = await t.call('clients.get', { id: client.id });
    expect(afterPassport.documents.filter((d) => d.kind === 'foreign_passport').map((d) => d.number)).toEqual(
      ['1234567', '9999999'],
    );

    const stale = await t.callError('tourists.save', {
      tourId: tour.id,
      tourist: { ...changed, clientId: client.id, serviceIds: [] },
      updateClient: { clientVersion: client.version, fields: ['email'] },
    });
    expect(stale.code).toBe('STALE_VERSION');
    expect((await t.call('tours.get', { id: tour.id })).tourists).toHaveLength(1);
  });

  it('binds services per tourist and in bulk, only within the tour', async () => {
    const tour = await t.call('tours.save', tourInput('FR-500'));
    const other = await t.call('tours.save', tourInput('FR-501'));
    const [hotel, flight] = tour.services;
    const a = (
      await t.call('tourists.save', {
        tourId: tour.id,
        tourist: touristInput({ lastNameRu: 'Альфа' }, { serviceIds: [hotel!.id] }),
      })
    ).tourist;
    const b = (
      await t.call('tourists.save', { tourId: tour.id, tourist: touristInput({ lastNameRu: 'Бета' }) })
    ).tourist;
    expect(a.serviceIds).toEqual([hotel!.id]);
    // A service of another tour is refused as not found (the clerk chose it), and nothing is bound.
    const foreign = await t.callError('tourists.bindServices', {
      tourId: tour.id,
      touristIds: [a.id, b.id],
      serviceIds: [flight!.id, other.services[0]!.id],
      bind: true,
    });
    expect(foreign.code).toBe('NOT_FOUND');
    expect((await t.call('tours.get', { id: tour.id })).tourists.map((x) => x.serviceIds)).toEqual([
      [hotel!.id],
      [],
    ]);
    let bound = await t.call('tourists.bindServices', {
      tourId: tour.id,
      touristIds: [a.id, b.id],
      serviceIds: [flight!.id],
      bind: true,
    });
    expect(bound.tour.tourists.map((x) => x.serviceIds)).toEqual([[hotel!.id, flight!.id], [flight!.id]]);
    bound = await t.call('tourists.bindServices', {
      tourId: tour.id,
      touristIds: [a.id],
      serviceIds: [hotel!.id],
      bind: false,
    });
    expect(bound.tour.tourists.map((x) => x.serviceIds)).toEqual([[flight!.id], [flight!.id]]);
  });

  it('deletes a tourist from its tour with its service links, keeping its client and the others', async () => {
    const client = await t.call('clients.save', ivanov());
    const tour = await t.call('tours.save', tourInput('FR-800'));
    const [hotel, flight] = tour.services;
    const add = async (fields: Partial<TouristFields>, serviceIds: number[]) =>
      (await t.call('tourists.save', { tourId: tour.id, tourist: touristInput(fields, { serviceIds }) }))
        .tourist;
    const ivan = (
      await t.call('tourists.save', {
        tourId: tour.id,
        tourist: {
          ...touristFromClient(client, { ticketNumber: '' }),
          clientId: client.id,
          serviceIds: [hotel!.id, flight!.id],
        },
      })
    ).tourist;
    const alpha = await add({ lastNameRu: 'Альфа' }, [hotel!.id]);
    const gamma = await add({ lastNameRu: 'Гамма' }, [flight!.id]);
    expect((await t.call('tours.list', { voucher: 'FR-800' })).rows[0]).toMatchObject({
      touristCount: 3,
      leadTourist: 'Иванов Иван',
    });

    expect(await t.call('tourists.delete', { id: ivan.id })).toMatchObject({ id: ivan.id });
    const after = await t.call('tours.get', { id: tour.id });
    expect(after.tourists.map((x) => [x.id, x.lastNameRu, x.serviceIds])).toEqual([
      [alpha.id, 'Альфа', [hotel!.id]],
      [gamma.id, 'Гамма', [flight!.id]],
    ]);
    expect(after.services.map((s) => s.id)).toEqual([hotel!.id, flight!.id]);
    const links = await t.backend.db
      .selectFrom('tourist_services')
      .select('service_id')
      .where('tourist_id', '=', ivan.id)
      .execute();
    expect(links).toEqual([]);
    // The next tourist is the lead now, and the tour is no longer found by the deleted one's name.
    expect((await t.call('tours.list', { voucher: 'FR-800' })).rows[0]).toMatchObject({
      touristCount: 2,
      leadTourist: 'Альфа',
    });
    expect((await t.call('tours.list', { touristName: 'Иванов' })).rows).toEqual([]);
    expect((await t.call('clients.get', { id: client.id })).lastNameRu).toBe('Иванов');
    expect((await t.call('clients.history', { id: client.id })).tours).toEqual([]);

    const delta = await add({ lastNameRu: 'Дельта' }, []);
    expect((await t.call('tours.get', { id: tour.id })).tourists.map((x) => x.id)).toEqual([
      alpha.id,
      gamma.id,
      delta.id,
    ]);
    expect((await t.callError('tourists.delete', { id: ivan.id })).code).toBe('NOT_FOUND');
  });

  it('shows a client the tours they took and who travelled with them', async () => {
    const client = await t.call('clients.save', ivanov());
    const wife = await t.call(
      'clients.save',
      ivanov({
        lastNameRu: 'Иванова',
        firstNameRu: 'Мария',
        lastNameLat: 'IVANOVA',
        firstNameLat: 'MARIIA',
        gender: 'F',
      }),
    );
    for (const voucher of ['FR-600', 'IT-601']) {
      const tour = await t.call('tours.save', tourInput(voucher));
      await t.call('tourists.save', {
        tourId: tour.id,
        tourist: { ...touristFromClient(client, { ticketNumber: '' }), clientId: client.id, serviceIds: [] },
      });
      await t.call('tourists.save', {
        tourId: tour.id,
        tourist: { ...touristFromClient(wife, { ticketNumber: '' }), clientId: wife.id, serviceIds: [] },
      });
      if (voucher === 'FR-600')
        await t.call('tourists.save', {
          tourId: tour.id,
          tourist: touristInput({ lastNameRu: 'Гид', firstNameRu: 'Олег' }),
        });
    }
    const history = await t.call('clients.history', { id: client.id });
    expect(history.tours.map((x) => x.voucher).sort()).toEqual(['FR-600', 'IT-601']);
    expect(history.companions).toEqual([
      { clientId: wife.id, name: 'Иванова Мария', tours: 2 },
      { clientId: null, name: 'Гид Олег', tours: 1 },
    ]);
  });
});

describe('Excel report of a tour (R10)', () => {
  it('writes the tourists to an xlsx that reads back exactly, formula-like texts kept as text', async () => {
    const tour = await t.call('tours.save', tourInput('FR/700'));
    await t.call('tourists.save', {
      tourId: tour.id,
      tourist: touristInput(
        {
          lastNameRu: 'Иванов',
          firstNameRu: 'Иван',
          lastNameLat: 'IVANOV',
          firstNameLat: 'IVAN',
          gender: 'M',
          birthDate: '1980-05-14',
          passportNumber: '750012345',
          passportExpiry: '2030-01-10',
          phone: '+7 916 123-45-67',
          email: 'ivanov@example.ru',
          ticketNumber: '=HYPERLINK("http://evil","x")',
        },
        { serviceIds: [tour.services[0]!.id] },
      ),
    });
    const { fileName, base64 } = await t.call('tours.exportTourists', { id: tour.id });
    expect(fileName).toBe('tourists-FR_700.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 6)).toEqual(['№', 'Фамилия', 'Имя', 'Отчество', 'Фамилия (лат.)', 'Имя (лат.)']);
    const row = sheet.getRow(2);
    const cell = (name: string) => row.getCell(header.indexOf(name) + 1).value;
    expect(cell('Фамилия')).toBe('Иванов');
    expect(cell('Пол')).toBe('М');
    expect(cell('Дата рождения')).toEqual(new Date('1980-05-14T00:00:00Z'));
    expect(cell('Серия загранпаспорта')).toBe('75');
    expect(cell('Номер загранпаспорта')).toBe('0012345');
    expect(cell('Телефон')).toBe('+7 916 123-45-67');
    expect(cell('Email')).toBe('ivanov@example.ru');
    expect(cell('Номер билета')).toBe('=HYPERLINK("http://evil","x")');
    expect(cell('Услуги')).toBe('Hôtel du Louvre, 9 nights');
    sheet.eachRow((r) => r.eachCell((c) => expect(c.type).not.toBe(ExcelJS.ValueType.Formula)));
  });
});
