/**
 * Migration 24's kept tally (issue 15): each client's trips as a traveller (tourists on booked or
 * travelled tours) counted, with the latest start, kept by triggers in the writing transaction. The
 * worklist's "no trip lately" reads its candidates from it by index instead of grouping every
 * tourist with their tour (1.4 s on 1,000,000 tourists). Same rule as the GROUP BY it replaces:
 * count(*) of those rows and max(arrival_date).
 */

const TRIP_STATUS_LIST = "('booked', 'confirmed', 'completed')";

export const TALLY_TABLE = `
  CREATE TABLE client_trip_tally (
    client_id INTEGER PRIMARY KEY,
    trips INTEGER NOT NULL,
    last_arrival TEXT
  );
  CREATE INDEX client_trip_tally_last ON client_trip_tally (last_arrival, trips);
`;

/** Every client's tally from the tourists and tours (an installed base's backfill). */
export const TALLY_BACKFILL = `
  INSERT INTO client_trip_tally (client_id, trips, last_arrival)
  SELECT tourists.client_id, count(*), max(tours.arrival_date)
  FROM tourists JOIN tours ON tours.id = tourists.tour_id
  WHERE tourists.client_id IS NOT NULL AND tours.status IN ${TRIP_STATUS_LIST}
  GROUP BY tourists.client_id`;

/**
 * Recounts the clients `clients` selects (a SELECT of one column, client_id): one row each, zero
 * trips included, so a client's last trip taken away leaves no stale count. The upsert (not INSERT
 * OR REPLACE) keeps its meaning when the outer statement has its own conflict policy (a foreign
 * key's ON DELETE SET NULL runs with ABORT). Valid in a SQLite trigger and in PL/pgSQL alike.
 */
function recount(clients: string): string {
  return `INSERT INTO client_trip_tally (client_id, trips, last_arrival)
    SELECT mine.client_id, count(tours.id), max(tours.arrival_date)
    FROM (${clients}) mine
    LEFT JOIN tourists ON tourists.client_id = mine.client_id
    LEFT JOIN tours ON tours.id = tourists.tour_id AND tours.status IN ${TRIP_STATUS_LIST}
    WHERE mine.client_id IS NOT NULL
    GROUP BY mine.client_id
    ON CONFLICT (client_id) DO UPDATE SET trips = excluded.trips, last_arrival = excluded.last_arrival`;
}

/**
 * PostgreSQL only: takes the clients' tally rows first (made if missing), in a statement of its own.
 * A writer adding a trip of the same client waits here until the other commits, and the recount,
 * a later statement, then sees the other's rows too (READ COMMITTED takes a snapshot per statement);
 * a recount alone would count from a snapshot taken before the wait and leave one trip out.
 */
function lock(clients: string): string {
  return `INSERT INTO client_trip_tally (client_id, trips, last_arrival)
    SELECT mine.client_id, 0, NULL FROM (${clients}) mine WHERE mine.client_id IS NOT NULL
    ON CONFLICT (client_id) DO UPDATE SET trips = client_trip_tally.trips`;
}

const ofClient = (row: 'NEW' | 'OLD') => `SELECT ${row}.client_id AS client_id`;
const ofTour = (row: 'NEW' | 'OLD') => `SELECT DISTINCT client_id FROM tourists WHERE tour_id = ${row}.id`;
const client = (row: 'NEW' | 'OLD') => recount(ofClient(row));
const travellersOf = (row: 'NEW' | 'OLD') => recount(ofTour(row));
const lockedClient = (row: 'NEW' | 'OLD') => `${lock(ofClient(row))}; ${client(row)}`;
const lockedTravellersOf = (row: 'NEW' | 'OLD') => `${lock(ofTour(row))}; ${travellersOf(row)}`;

/** SQLite: a traveller added, moved (tour or client) or removed; a tour's status or date changed or the tour deleted. */
export const TALLY_SQLITE_TRIGGERS = `
  CREATE TRIGGER loyalty_tally_tourists_insert AFTER INSERT ON tourists
    BEGIN ${client('NEW')}; END;
  CREATE TRIGGER loyalty_tally_tourists_update AFTER UPDATE OF tour_id, client_id ON tourists
    BEGIN ${client('NEW')}; ${client('OLD')}; END;
  CREATE TRIGGER loyalty_tally_tourists_delete AFTER DELETE ON tourists
    BEGIN ${client('OLD')}; END;
  CREATE TRIGGER loyalty_tally_tours_update AFTER UPDATE OF status, arrival_date ON tours
    BEGIN ${travellersOf('NEW')}; END;
  CREATE TRIGGER loyalty_tally_tours_delete AFTER DELETE ON tours
    BEGIN ${travellersOf('OLD')}; END;
`;

/** PostgreSQL: the same triggers as row-level PL/pgSQL functions, each client's row taken first. */
export const TALLY_POSTGRES_TRIGGERS = `
  CREATE FUNCTION loyalty_tally_tourist() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP <> 'DELETE' THEN ${lockedClient('NEW')}; END IF;
    IF TG_OP <> 'INSERT' THEN ${lockedClient('OLD')}; END IF;
    RETURN NULL;
  END $$;
  CREATE FUNCTION loyalty_tally_tour() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP = 'DELETE' THEN ${lockedTravellersOf('OLD')}; ELSE ${lockedTravellersOf('NEW')}; END IF;
    RETURN NULL;
  END $$;
  CREATE TRIGGER loyalty_tally_tourists AFTER INSERT OR DELETE OR UPDATE OF tour_id, client_id
    ON tourists FOR EACH ROW EXECUTE FUNCTION loyalty_tally_tourist();
  CREATE TRIGGER loyalty_tally_tours AFTER DELETE OR UPDATE OF status, arrival_date
    ON tours FOR EACH ROW EXECUTE FUNCTION loyalty_tally_tour();
`;
