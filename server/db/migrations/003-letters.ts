// Collection letters: sequences and their levels (fees and templates stored as data), posted letters
// with their lines and stored HTML/PDF, batch runs; seeds a default four-level sequence.
import { sql, type Kysely } from 'kysely';

interface SeedTemplate {
  subject: string;
  body: string;
  payment: string;
}

const PAYMENT_EN =
  'Please pay by bank transfer quoting your account {{customerAccount}} and letter {{letterNumber}}. ' +
  'If you have already paid, please ignore this letter and accept our thanks.';
const PAYMENT_DE =
  'Bitte überweisen Sie den Betrag unter Angabe Ihrer Kundennummer {{customerAccount}} und des Schreibens ' +
  '{{letterNumber}}. Falls Sie bereits gezahlt haben, betrachten Sie dieses Schreiben bitte als gegenstandslos.';

const SEED_LEVELS: Array<{
  level: number;
  name: string;
  days: number;
  fees: Record<string, string>;
  templates: Record<'en' | 'de', SeedTemplate>;
}> = [
  {
    level: 1, name: 'Reminder', days: 7, fees: { USD: '0', EUR: '0', GBP: '0' },
    templates: {
      en: {
        subject: 'Payment reminder {{letterNumber}}: {{customerName}}',
        body: 'Dear {{customerName}},\n\nOur records show that the items below, {{totalOverdue}} in total, are past their due date. ' +
          'This may simply have been overlooked: we would be grateful for your payment by {{payBy}}.\n\nKind regards,\n{{agentName}}',
        payment: PAYMENT_EN,
      },
      de: {
        subject: 'Zahlungserinnerung {{letterNumber}}: {{customerName}}',
        body: 'Sehr geehrte Damen und Herren,\n\nnach unseren Unterlagen sind die folgenden Posten über insgesamt {{totalOverdue}} ' +
          'fällig. Vielleicht ist Ihnen das entgangen: Wir bitten um Zahlung bis zum {{payBy}}.\n\nMit freundlichen Grüßen\n{{agentName}}',
        payment: PAYMENT_DE,
      },
    },
  },
  {
    level: 2, name: 'First notice', days: 30, fees: { USD: '1000', EUR: '900', GBP: '800' },
    templates: {
      en: {
        subject: 'First notice {{letterNumber}}: overdue items of {{customerName}}',
        body: 'Dear {{customerName}},\n\nDespite our reminder, {{totalOverdue}} is still overdue; the oldest item is ' +
          '{{oldestDaysOverdue}} days past due. We have added a fee of {{fee}}. Please pay {{totalDue}} by {{payBy}}.\n\n' +
          'Kind regards,\n{{agentName}}',
        payment: PAYMENT_EN,
      },
      de: {
        subject: 'Erste Mahnung {{letterNumber}}: offene Posten {{customerName}}',
        body: 'Sehr geehrte Damen und Herren,\n\ntrotz unserer Erinnerung sind {{totalOverdue}} weiterhin offen; der älteste ' +
          'Posten ist seit {{oldestDaysOverdue}} Tagen fällig. Wir berechnen eine Mahngebühr von {{fee}}. Bitte zahlen Sie ' +
          '{{totalDue}} bis zum {{payBy}}.\n\nMit freundlichen Grüßen\n{{agentName}}',
        payment: PAYMENT_DE,
      },
    },
  },
  {
    level: 3, name: 'Second notice', days: 45, fees: { USD: '2500', EUR: '2300', GBP: '2000' },
    templates: {
      en: {
        subject: 'Second notice {{letterNumber}}: {{customerName}}',
        body: 'Dear {{customerName}},\n\n{{totalOverdue}} remains unpaid although we have written to you twice. A fee of ' +
          '{{fee}} has been added. Please pay {{totalDue}} by {{payBy}} or contact us today if there is a problem.\n\n' +
          'Kind regards,\n{{agentName}}',
        payment: PAYMENT_EN,
      },
      de: {
        subject: 'Zweite Mahnung {{letterNumber}}: {{customerName}}',
        body: 'Sehr geehrte Damen und Herren,\n\nobwohl wir Ihnen zweimal geschrieben haben, sind {{totalOverdue}} weiterhin ' +
          'unbezahlt. Wir berechnen eine Mahngebühr von {{fee}}. Bitte zahlen Sie {{totalDue}} bis zum {{payBy}} oder ' +
          'melden Sie sich noch heute, falls es ein Problem gibt.\n\nMit freundlichen Grüßen\n{{agentName}}',
        payment: PAYMENT_DE,
      },
    },
  },
  {
    level: 4, name: 'Final notice', days: 60, fees: { USD: '4000', EUR: '3700', GBP: '3200' },
    templates: {
      en: {
        subject: 'Final notice {{letterNumber}}: {{customerName}}',
        body: 'Dear {{customerName}},\n\nThis is our final notice. Unless {{totalDue}}, including a fee of {{fee}}, reaches ' +
          'us by {{payBy}}, we will pass the matter on for collection without further notice.\n\nKind regards,\n{{agentName}}',
        payment: PAYMENT_EN,
      },
      de: {
        subject: 'Letzte Mahnung {{letterNumber}}: {{customerName}}',
        body: 'Sehr geehrte Damen und Herren,\n\ndies ist unsere letzte Mahnung. Sollten {{totalDue}} einschließlich einer ' +
          'Mahngebühr von {{fee}} nicht bis zum {{payBy}} bei uns eingehen, geben wir die Forderung ohne weitere Ankündigung ' +
          'ab.\n\nMit freundlichen Grüßen\n{{agentName}}',
        payment: PAYMENT_DE,
      },
    },
  },
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE collection_letter_sequences (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL UNIQUE,
      language text NOT NULL DEFAULT 'en' CHECK (language ~ '^[a-z]{2}$'),
      is_default boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX collection_letter_sequences_one_default ON collection_letter_sequences (is_default) WHERE is_default;

    -- min_overdue is in minor units of the accounting currency; fees map a currency code to a
    -- minor-unit decimal string; templates map a language to { subject, body, payment } text.
    CREATE TABLE collection_letter_levels (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      sequence_id uuid NOT NULL REFERENCES collection_letter_sequences(id) ON DELETE CASCADE,
      level integer NOT NULL CHECK (level >= 1),
      name text NOT NULL,
      days integer NOT NULL CHECK (days >= 0),
      min_overdue bigint NOT NULL DEFAULT 0 CHECK (min_overdue >= 0),
      fees jsonb NOT NULL DEFAULT '{}',
      templates jsonb NOT NULL DEFAULT '{}',
      UNIQUE (sequence_id, level)
    );

    ALTER TABLE customers
      ADD COLUMN letter_sequence_id uuid REFERENCES collection_letter_sequences(id),
      ADD COLUMN postal_address text;

    CREATE SEQUENCE collection_letter_number_seq;

    CREATE TABLE collection_letter_batches (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      requested_by text NOT NULL,
      agent_id uuid REFERENCES agents(id),
      as_of date NOT NULL,
      delivery text NOT NULL CHECK (delivery IN ('reply', 'graph')),
      status text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'interrupted', 'done')),
      request_key text UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz
    );

    CREATE TABLE collection_letters (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      number text NOT NULL UNIQUE,
      customer_id uuid NOT NULL REFERENCES customers(id),
      sequence_id uuid NOT NULL REFERENCES collection_letter_sequences(id),
      level integer NOT NULL,
      level_name text NOT NULL,
      letter_date date NOT NULL,
      language text NOT NULL,
      fee_entry_id uuid REFERENCES ledger_entries(id),
      fee_currency char(3),
      fee_amount bigint,
      fee_accounting bigint,
      total_accounting bigint NOT NULL,
      totals jsonb NOT NULL,
      delivery text NOT NULL CHECK (delivery IN ('reply', 'graph')),
      status text NOT NULL DEFAULT 'posted' CHECK (status IN ('posted', 'sent', 'failed')),
      recipient text,
      subject text NOT NULL,
      html text NOT NULL,
      pdf bytea NOT NULL,
      idempotency_key text NOT NULL UNIQUE,
      request_key text UNIQUE,
      batch_id uuid REFERENCES collection_letter_batches(id),
      posted_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX collection_letters_customer_idx ON collection_letters (customer_id, letter_date);

    CREATE TABLE collection_letter_lines (
      letter_id uuid NOT NULL REFERENCES collection_letters(id) ON DELETE CASCADE,
      entry_id uuid NOT NULL REFERENCES ledger_entries(id),
      currency char(3) NOT NULL,
      open_amount bigint NOT NULL,
      open_accounting bigint NOT NULL,
      days_overdue integer NOT NULL,
      PRIMARY KEY (letter_id, entry_id)
    );

    CREATE TABLE collection_letter_batch_items (
      batch_id uuid NOT NULL REFERENCES collection_letter_batches(id) ON DELETE CASCADE,
      position integer NOT NULL,
      customer_id uuid NOT NULL REFERENCES customers(id),
      state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'posted', 'sent', 'skipped', 'failed')),
      reason text,
      letter_id uuid REFERENCES collection_letters(id),
      PRIMARY KEY (batch_id, customer_id)
    );
  `.execute(db);

  const sequence = await sql<{ id: string }>`
    INSERT INTO collection_letter_sequences (name, language, is_default) VALUES ('Standard', 'en', true) RETURNING id
  `.execute(db);
  const sequenceId = sequence.rows[0]!.id;
  for (const level of SEED_LEVELS) {
    await sql`
      INSERT INTO collection_letter_levels (sequence_id, level, name, days, min_overdue, fees, templates)
      VALUES (${sequenceId}, ${level.level}, ${level.name}, ${level.days}, ${5000}, ${JSON.stringify(level.fees)}::jsonb,
              ${JSON.stringify(level.templates)}::jsonb)
    `.execute(db);
  }
}
