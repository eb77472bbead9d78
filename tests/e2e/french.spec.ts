import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { emptyClientInput, emptyDocument } from '../../shared/domain/client';
import { emptyTouristFields, emptyTourInput } from '../../shared/domain/tour';
import { expect, test, type AppServer } from './fixtures';

const SCREENSHOTS = 'test-results/screenshots';

/** A regular client and a tour to France (a French-language questionnaire) with that client on it. */
async function seed(app: AppServer) {
  await app.api('clients.save', {
    ...emptyClientInput(),
    lastNameRu: 'Щукина',
    firstNameRu: 'Юлия',
    lastNameLat: 'SHCHUKINA',
    firstNameLat: 'IULIIA',
    gender: 'F',
    birthDate: '1985-03-12',
    documents: [
      {
        ...emptyDocument(),
        series: '75',
        number: '1234567',
        issueDate: '2021-02-01',
        expiryDate: '2031-02-01',
        lastNameLat: 'SHCHUKINA',
        firstNameLat: 'IULIIA',
      },
    ],
  });
  const tour = (await app.api('tours.save', {
    ...emptyTourInput(),
    voucher: 'FR-777',
    arrivalDate: '2027-05-01',
    departureDate: '2027-05-10',
    country: 'FRA',
    resort: 'Paris',
    hotel: 'Hôtel Lutetia',
    status: 'booked',
  })) as { id: number };
  await app.api('tourists.save', {
    tourId: tour.id,
    tourist: {
      ...emptyTouristFields(),
      lastNameRu: 'Щукина',
      firstNameRu: 'Юлия',
      lastNameLat: 'SHCHUKINA',
      firstNameLat: 'IULIIA',
      passportLastNameLat: 'SHCHUKINA',
      passportFirstNameLat: 'IULIIA',
      gender: 'F',
      birthDate: '1985-03-12',
      citizenship: 'RUS',
      passportSeries: '75',
      passportNumber: '1234567',
      passportIssueDate: '2021-02-01',
      passportExpiry: '2031-02-01',
      clientId: null,
      serviceIds: [],
    },
  });
}

async function openQuestionnaire(page: Page, tours: string, questionnaires: string, title: string) {
  await page.getByRole('button', { name: tours, exact: true }).click();
  await page.getByTestId('tours-table').getByText('FR-777').dblclick();
  await page.getByRole('button', { name: questionnaires }).click();
  const screen = page.getByRole('dialog', { name: title });
  await expect(screen.getByRole('heading')).toContainText('ЩУКИНА Ю.');
  return screen;
}

test('the UI switched to French in the top bar speaks French on every screen, questionnaire field names included, and stays French after a reload', async ({
  app,
  openApp,
  page,
}) => {
  await seed(app);
  await openApp();
  await expect(page.getByTestId('clients-count')).toHaveText('1 клиент');

  await page.getByRole('combobox', { name: 'Язык' }).selectOption({ label: 'Français' });
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');

  // Clients list.
  const nav = page.getByRole('navigation', { name: 'main' });
  await expect(nav.getByRole('button')).toHaveText([
    'Clients',
    'Séjours',
    'Doublons',
    'Fidélité',
    'Référentiels',
    'Annulation et sauvegardes',
    'Paramètres',
  ]);
  await expect(page.getByRole('region', { name: 'Clients réguliers' })).toBeVisible();
  await expect(page.getByTestId('clients-count')).toHaveText('1 client');
  await expect(page.getByPlaceholder('Recherche par nom (Ctrl+F)')).toBeVisible();
  const grid = page.getByTestId('clients-grid');
  await expect(grid.getByRole('columnheader', { name: 'Date de naissance' })).toBeVisible();
  await expect(grid.getByRole('columnheader', { name: 'Valable jusqu’au' })).toBeVisible();
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}/french-clients.png` });

  // A client card.
  await grid.getByRole('row').filter({ hasText: 'Щукина' }).dblclick();
  const card = page.getByRole('dialog', { name: /^Client\b.*Щукина/ });
  await expect(card.getByText('État civil', { exact: true })).toBeVisible();
  await expect(card.getByLabel('Né(e) le', { exact: true })).toHaveValue('12.03.1985');
  await expect(card.getByRole('button', { name: 'Enregistrer', exact: true })).toBeVisible();
  await card.getByRole('button', { name: 'Fermer' }).click();
  await expect(card).toBeHidden();

  // The tours screen and a tour.
  await nav.getByRole('button', { name: 'Séjours' }).click();
  await expect(page.getByRole('button', { name: '+ Nouveau séjour' })).toBeVisible();
  // The 'latest tours' heading gave way to the filtered tours list (8db1bd3): its filters speak French.
  await expect(page.getByRole('search', { name: 'Filtres des séjours' })).toBeVisible();
  await expect(page.getByTestId('tours-table').getByRole('columnheader', { name: 'Arrivée' })).toBeVisible();
  await expect(page.getByTestId('tours-table')).toContainText('Réservé');

  // The questionnaire: the field names are French, the French form's own wording needs no second line.
  const screen = await openQuestionnaire(page, 'Séjours', 'Questionnaires…', 'Questionnaire');
  await expect(screen.getByRole('combobox', { name: 'Pays', exact: true })).toHaveValue('FRA');
  await expect(screen.getByRole('columnheader')).toHaveText([
    'N°',
    'Champ du questionnaire',
    'Réponse (en russe)',
    'Tel qu’imprimé (français)',
  ]);
  await expect(screen.getByRole('textbox', { name: 'Nom (nom de famille)', exact: true })).toHaveValue(
    'SHCHUKINA',
  );
  await expect(screen.getByLabel('Nationalité actuelle : traduction')).toHaveValue('Russie');
  await screen.getByRole('combobox', { name: 'État civil', exact: true }).selectOption({ label: 'Marié(e)' });
  const civilStatus = screen.locator('tr', {
    has: page.getByRole('combobox', { name: 'État civil', exact: true }),
  });
  await expect(civilStatus.locator('.answer-translated')).toHaveText('Marié(e)');
  await expect(screen.locator('th.answer-label').filter({ hasText: /[А-Яа-яЁё]/ })).toHaveCount(0);
  await expect(screen.getByText('des données du client et du séjour').first()).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/french-questionnaire.png` });
  await screen.getByRole('button', { name: 'Fermer' }).click();
  await expect(screen).toBeHidden();

  // Reference books.
  await nav.getByRole('button', { name: 'Référentiels' }).click();
  await expect(page.getByRole('tab')).toHaveText(['Pays', 'Questionnaires et champs', 'Dictionnaire']);
  await page.getByRole('tab', { name: 'Pays' }).click();
  const countries = page.getByRole('table', { name: 'Pays' });
  await expect(countries.getByRole('columnheader', { name: 'Langue du questionnaire' })).toBeVisible();
  await expect(countries.getByLabel('ITA Langue du questionnaire').locator('option')).toHaveText([
    'russe',
    'anglais',
    'français',
  ]);
  await page.getByRole('tab', { name: 'Dictionnaire' }).click();
  await expect(page.getByPlaceholder('Recherche en russe, en anglais ou en français')).toBeVisible();

  // The choice is remembered: after a reload the app opens in French.
  await page.reload();
  await expect(page.getByTestId('clients-count')).toHaveText('1 client');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('combobox', { name: 'Langue' })).toHaveValue('fr');
  await expect(nav.getByRole('button', { name: 'Séjours' })).toBeVisible();
});

test('the English UI names questionnaire fields in English, with the French form’s wording under each', async ({
  app,
  openApp,
  page,
}) => {
  await seed(app);
  await openApp();
  await page.getByRole('combobox', { name: 'Язык' }).selectOption({ label: 'English' });
  const screen = await openQuestionnaire(page, 'Tours', 'Questionnaires…', 'Questionnaire');
  const surname = screen.getByRole('textbox', { name: 'Surname (Family name)', exact: true });
  await expect(surname).toHaveValue('SHCHUKINA');
  const row = screen.locator('tr', {
    has: page.getByRole('textbox', { name: 'Surname (Family name)', exact: true }),
  });
  await expect(row.locator('th')).toContainText('Nom (nom de famille)');
  await expect(screen.getByLabel('Current nationality: translation')).toHaveValue('Russie');
  await expect(screen.getByRole('combobox', { name: 'Civil status', exact: true })).toBeVisible();
  await expect(screen.locator('th.answer-label').filter({ hasText: /[А-Яа-яЁё]/ })).toHaveCount(0);
});
