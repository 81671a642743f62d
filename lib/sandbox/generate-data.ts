// Deterministic synthetic Flanks data for one set of credentials. Everything is derived from the seed
// (bank + username), so nothing of it is stored: the sandbox re-derives it on every request.
// Field names follow the reference exactly, including its spellings (sybtype, refValores, refValos).
import { createAccountTransactionsView, type TAccountPlan, type TAccountTransactionsView } from "./account-transactions";
import { findBank, type TSandboxBank } from "./banks";
import { CATALOG, INVESTMENT_TYPES, type TInstrument, type TInvestmentType } from "./catalog";
import { dayNumber, isoDay } from "./dates";
import { makeIsin, makeSpanishIban } from "./identifiers";
import { makePerson, makeRelative, type TPerson } from "./people";
import { createRng, hashString, hexId, money, roundTo, type TRng } from "./prng";
import { extraDepositFromUsername, jointAccountFromUsername, volumeFromUsername, type TJointAccount, type TVolume } from "./scenarios";

export type TRecord = Record<string, unknown>;

export type TGenerateOptions = {
  credentialsToken: string;
  externalId?: string | null;
  bankId: string;
  /** The day the data describes (YYYY-MM-DD): transactions run up to it. The sandbox uses the creation day. */
  asOf: string;
  /** Seconds; written as updated_at_timestamp. */
  updatedAtTimestamp: number;
  volume?: TVolume;
  /** Also holds this joint account (scenarios.ts, jointAccountFromUsername). */
  joint?: TJointAccount | null;
  /** Also holds a remunerated account of exactly this many euros (scenarios.ts, extraDepositFromUsername). */
  deposit?: number | null;
  empty?: boolean;
};

export type TCredentialsData = {
  identity: TRecord;
  holders: TRecord[];
  accounts: TRecord[];
  accountTransactions: TAccountTransactionsView;
  cards: TRecord[];
  cardTransactions: TRecord[];
  portfolios: TRecord[];
  investments: TRecord[];
  investmentTransactions: TRecord[];
  investmentDetails: TRecord[];
  liabilities: TRecord[];
  liabilityTransactions: TRecord[];
  mifid: TRecord[];
};

/** The seed of a set of credentials: the same bank and username always give the same data. */
export function credentialsSeed(bankId: string, username: string): string {
  return `${bankId}:${username.trim().toLowerCase()}`;
}

/** Convenience for tests and scripts: the data the sandbox serves for this bank/username. */
export function generateForLogin(bankId: string, username: string, options: Omit<TGenerateOptions, "bankId" | "volume">): TCredentialsData {
  const volume = volumeFromUsername(username);
  return generateCredentialsData(credentialsSeed(bankId, username), {
    ...options,
    bankId,
    volume,
    joint: jointAccountFromUsername(username),
    deposit: extraDepositFromUsername(username),
  });
}

type TOwner = { name: string; rel: "Titular" | "Cotitular" | "Autorizado" };

export function generateCredentialsData(seed: string, options: TGenerateOptions): TCredentialsData {
  const bank: TSandboxBank = findBank(options.bankId) ?? {
    id: options.bankId,
    name: options.bankId,
    cif: "",
    alwaysManualRefresh: false,
    ibanBankCode: "9099",
    kind: "bank",
  };
  const token = options.credentialsToken;
  const externalId = options.externalId ?? null;
  const entity = bank.id;
  const updated = options.updatedAtTimestamp;
  const asOfDay = dayNumber(options.asOf);
  const asOfYear = Number(options.asOf.slice(0, 4));
  const volume = options.volume ?? { accountTransactions: 500, years: 3 };
  const sub = (label: string): TRng => createRng(`${seed}|${label}`);
  const ext = (...parts: (string | number)[]): string | null => (externalId === null ? null : hexId(externalId, ...parts));
  // A few records carry a field the reference does not list (Flanks may add fields at any time).
  const maybeNote = (rng: TRng, record: TRecord, probability = 0.1): TRecord => {
    if (rng.chance(probability)) record.sandbox_note = "undocumented field, as Flanks may add fields at any time";
    return record;
  };

  const person: TPerson = makePerson(sub("person"), asOfYear);
  const identityRng = sub("identity");
  const identity: TRecord = {
    _id: token,
    name: person.name,
    fullName: person.fullName,
    surname1: person.surname1,
    surname2: identityRng.chance(0.15) ? null : person.surname2,
    birthDate: identityRng.chance(0.1) ? null : person.birthDate,
    address: {
      streetType: person.streetType,
      streetName: person.streetName,
      streetNumber: identityRng.chance(0.2) ? null : person.streetNumber,
      city: person.city,
      zipCode: person.zipCode,
      state: identityRng.chance(0.3) ? null : person.state,
      country: "ES",
    },
    contactInfo: [{ type: "email", value: person.email }, ...(identityRng.chance(0.8) ? [{ type: "phone", value: person.phone }] : [])],
    identityDocument: person.dni,
    gender: identityRng.chance(0.1) ? null : person.gender,
    occupation: identityRng.chance(0.3) ? null : person.occupation,
    sector: identityRng.chance(0.3) ? null : person.sector,
  };

  const emptyView = createAccountTransactionsView({
    seedInt: hashString(seed),
    credentialsToken: token,
    externalId,
    entity,
    count: 0,
    firstDay: asOfDay,
    lastDay: asOfDay,
    accounts: [],
  });
  if (options.empty) {
    return {
      identity,
      holders: [],
      accounts: [],
      accountTransactions: emptyView,
      cards: [],
      cardTransactions: [],
      portfolios: [],
      investments: [],
      investmentTransactions: [],
      investmentDetails: [],
      liabilities: [],
      liabilityTransactions: [],
      mifid: [],
    };
  }

  const spouse = makeRelative(sub("spouse"), person);
  const holders: TRecord[] = [];
  const addHolders = (productName: string, productId: string, owners: TOwner[]): void => {
    for (const owner of owners) {
      holders.push({
        product_name: productName,
        name: owner.name,
        rel: owner.rel,
        product_id: productId,
        external_id: externalId === null ? null : ext("holder", productId, owner.name),
      });
    }
  };

  // Accounts: a current account (EUR), sometimes a savings account (EUR), always a USD account.
  const accountRng = sub("accounts");
  const branch = accountRng.digits(4);
  type TAccountSeed = { key: string; currency: "EUR" | "USD"; product: string; weight: number; targetEuros: [number, number]; owners: TOwner[] };
  const accountSeeds: TAccountSeed[] = [
    {
      key: "current",
      currency: "EUR",
      product: "Cuenta Corriente Online",
      weight: 0.62,
      targetEuros: [4_000, 20_000],
      owners: [{ name: person.fullName, rel: "Titular" }],
    },
  ];
  if (accountRng.chance(0.7)) {
    accountSeeds.push({
      key: "savings",
      currency: "EUR",
      product: "Cuenta Ahorro Plus",
      weight: 0.08,
      targetEuros: [15_000, 60_000],
      owners: [
        { name: person.fullName, rel: "Titular" },
        { name: spouse, rel: "Cotitular" },
      ],
    });
  }
  accountSeeds.push({
    key: "usd",
    currency: "USD",
    product: "Cuenta Divisa USD",
    weight: 0.3,
    targetEuros: [2_000, 12_000],
    owners: [{ name: person.fullName, rel: "Titular" }],
  });

  const cardRng = sub("cards");
  const debitPan = `************${cardRng.digits(4)}`;
  const plans: TAccountPlan[] = accountSeeds.map((s, index) => {
    const targetCents = accountRng.int(s.targetEuros[0], s.targetEuros[1]) * 100;
    return {
      id: hexId(token, "account", s.key),
      iban: makeSpanishIban(bank.ibanBankCode, branch, `${index}${accountRng.digits(9)}`),
      currency: s.currency,
      productDescription: s.product,
      weight: s.weight,
      targetCents,
      openingCents: Math.round(targetCents * accountRng.float(0.6, 1.2)),
      cardPans: s.key === "current" ? [debitPan] : [],
    };
  });
  const firstTxDay = asOfDay - Math.round(volume.years * 365);
  const accountTransactions = createAccountTransactionsView({
    seedInt: hashString(seed),
    credentialsToken: token,
    externalId,
    entity,
    count: volume.accountTransactions,
    firstDay: firstTxDay,
    lastDay: asOfDay - 1,
    accounts: plans,
  });
  const accounts: TRecord[] = plans.map((plan, index) => {
    const s = accountSeeds[index];
    const owners = s?.owners ?? [];
    addHolders(plan.productDescription, plan.id, owners);
    return maybeNote(accountRng, {
      iban: plan.iban,
      entity,
      alias: accountRng.chance(0.3) ? plan.iban : plan.productDescription,
      balance: (accountTransactions.finalBalanceCents[index] ?? plan.openingCents) / 100,
      currency: plan.currency,
      description: accountRng.chance(0.25) ? null : plan.productDescription,
      isOwner: accountRng.chance(0.15) ? null : true,
      numOwners: owners.filter((o) => o.rel !== "Autorizado").length,
      owners: owners.map((o) => o.name),
      _id: plan.id,
      external_id: ext("account", plan.iban),
      updated_at_timestamp: updated,
    });
  });
  const sideAccounts: TSideAccountContext = { bank, person, token, entity, updated, ext, addHolders };
  if (options.joint) accounts.push(makeJointAccount(options.joint, sideAccounts));
  if (options.deposit) accounts.push(makeDepositAccount(options.deposit, seed, sideAccounts));
  const mainIban = plans[0]?.iban ?? null;
  const usdIban = plans.find((p) => p.currency === "USD")?.iban ?? null;

  // Cards: a debit card on the current account, a credit card, sometimes a second holder's card.
  type TCardSeed = { key: string; type: "debit" | "credit"; product: string; pan: string; owner: TOwner; limit: number | null };
  const cardSeeds: TCardSeed[] = [
    { key: "debit", type: "debit", product: "Tarjeta Débito Visa", pan: debitPan, owner: { name: person.fullName, rel: "Titular" }, limit: null },
    {
      key: "credit",
      type: "credit",
      product: "Tarjeta Crédito Oro",
      pan: `************${cardRng.digits(4)}`,
      owner: { name: person.fullName, rel: "Titular" },
      limit: cardRng.pick([3000, 6000, 10000]),
    },
  ];
  if (cardRng.chance(0.4)) {
    cardSeeds.push({
      key: "extra",
      type: "credit",
      product: "Tarjeta Crédito Adicional",
      pan: `************${cardRng.digits(4)}`,
      owner: { name: spouse, rel: "Autorizado" },
      limit: 2000,
    });
  }
  const cards: TRecord[] = [];
  const cardTransactions: TRecord[] = [];
  const CARD_SHOPS = [
    ["Mercadona", "Supermercados"],
    ["Restaurante Casa Lucio", "Restaurantes"],
    ["Repsol", "Gasolineras"],
    ["Amazon EU", "Compras online"],
    ["Iberia", "Viajes"],
    ["Zara", "Ropa"],
    ["Netflix", "Suscripciones"],
    ["Farmacia Central", "Salud"],
    ["Hotel Miramar", "Viajes"],
  ] as const;
  for (const c of cardSeeds) {
    const id = hexId(token, "card", c.key);
    const emission = asOfDay - cardRng.int(200, 1400);
    let spent = 0;
    const count = cardRng.int(40, 160);
    for (let i = 0; i < count; i++) {
      const day = asOfDay - 1 - Math.floor((i * 540) / count) - cardRng.int(0, 2);
      const [shop, category] = cardRng.pick(CARD_SHOPS);
      const refund = cardRng.chance(0.03);
      const amount = money((refund ? 1 : -1) * cardRng.float(2.5, 240));
      if (day > asOfDay - 31) spent += -amount;
      const foreign = shop === "Hotel Miramar" || shop === "Netflix";
      cardTransactions.push(
        maybeNote(
          cardRng,
          {
            _id: hexId(token, "card-tx", c.key, i),
            card_id: id,
            operationDate: isoDay(day),
            valueDate: isoDay(day + (cardRng.chance(0.7) ? 1 : 0)),
            amount,
            commission: foreign ? money(Math.abs(amount) * 0.03) : cardRng.chance(0.5) ? 0 : null,
            currency: "EUR",
            shop: cardRng.chance(0.05) ? null : shop,
            category: cardRng.chance(0.1) ? null : category,
            external_id: ext("card-tx", c.key, i),
            entity,
          },
          0.02,
        ),
      );
    }
    addHolders(c.product, id, [c.owner]);
    cards.push(
      maybeNote(cardRng, {
        _id: id,
        external_id: ext("card", c.key),
        product: cardRng.chance(0.1) ? null : c.product,
        contractNumber: cardRng.chance(0.2) ? null : `${bank.ibanBankCode}${cardRng.digits(12)}`,
        pan: c.pan,
        emissionDate: cardRng.chance(0.15) ? null : isoDay(emission),
        expirationDate: cardRng.chance(0.1) ? null : isoDay(emission + 4 * 365),
        availableBalance: c.limit === null ? null : money(Math.max(0, c.limit - spent)),
        cardType: c.type,
        entity,
        updated_at_timestamp: updated,
      }),
    );
  }

  // Portfolios and investments: every investment type of the reference is present.
  const investRng = sub("investments");
  type TPortfolioKey = "valores" | "usd" | "fondos" | "planes";
  const portfolioOf = (inst: TInstrument): TPortfolioKey =>
    inst.type === "PP" ? "planes" : inst.type === "F" && inst.currency === "EUR" ? "fondos" : inst.currency === "USD" ? "usd" : "valores";
  const chosen: TInstrument[] = [];
  for (const type of INVESTMENT_TYPES) {
    const list = [...CATALOG[type]];
    // Shuffle deterministically, keep 1..3 of them.
    for (let i = list.length - 1; i > 0; i--) {
      const j = investRng.int(0, i);
      const a = list[i];
      const b = list[j];
      if (a && b) {
        list[i] = b;
        list[j] = a;
      }
    }
    chosen.push(...list.slice(0, investRng.int(1, Math.min(3, list.length))));
  }
  // Volume option `positions=N`: more positions, first the rest of the catalog, then numbered
  // series of the instruments that have a real ISIN (a new valid ISIN per series).
  const wanted = volume.positions ?? 0;
  if (wanted > chosen.length) {
    const isChosen = new Set(chosen.map((inst) => inst.isin));
    const all = INVESTMENT_TYPES.flatMap((type) => CATALOG[type]);
    for (const inst of all) if (chosen.length < wanted && !isChosen.has(inst.isin)) chosen.push(inst);
    const withIsin = all.filter((inst) => /^[A-Z]{2}[A-Z0-9]{9}\d$/.test(inst.isin));
    for (let series = 2; chosen.length < wanted; series++) {
      for (const inst of withIsin) {
        if (chosen.length >= wanted) break;
        const name = `${inst.name} S${series}`;
        chosen.push({ ...inst, name, isin: makeIsin(inst.isin.slice(0, 2), name) });
      }
    }
  }
  const portfolioIds: Record<TPortfolioKey, string> = {
    valores: hexId(token, "portfolio", "valores"),
    usd: hexId(token, "portfolio", "usd"),
    fondos: hexId(token, "portfolio", "fondos"),
    planes: hexId(token, "portfolio", "planes"),
  };
  const refValores: Record<TPortfolioKey, string> = {
    valores: `${bank.ibanBankCode}${investRng.digits(10)}`,
    usd: `${bank.ibanBankCode}${investRng.digits(10)}`,
    fondos: `${bank.ibanBankCode}${investRng.digits(10)}`,
    planes: `${bank.ibanBankCode}${investRng.digits(10)}`,
  };
  const balances: Record<TPortfolioKey, number> = { valores: 0, usd: 0, fondos: 0, planes: 0 };
  const investments: TRecord[] = [];
  const investmentTransactions: TRecord[] = [];
  const investmentDetails: TRecord[] = [];
  const signed = (rng: TRng, spread: number): number => roundTo(rng.float(-spread, spread * 1.4, 6), 4);

  for (const inst of chosen) {
    const rng = sub(`investment|${inst.isin}`);
    const t: TInvestmentType = inst.type;
    const pKey = portfolioOf(inst);
    const id = hexId(token, "investment", inst.isin);
    const targetValue = rng.int(1_500, t === "C" || t === "CFD" || t === "DV" ? 8_000 : 60_000);
    const isNominal = t === "FI" || t === "BP";
    const quantityDecimals = t === "F" || t === "PP" || t === "AEP" ? 4 : t === "C" ? 6 : t === "VI" || t === "ETF" || t === "CFD" || t === "DV" ? 0 : 2;
    const priceNow = roundTo(inst.price * rng.float(0.9, 1.1, 4), 4);
    let amount: number;
    let balance: number;
    if (isNominal) {
      amount = Math.max(1_000, Math.round(targetValue / 1_000) * 1_000);
      balance = t === "FI" ? money((amount * priceNow) / 100) : amount;
    } else if (t === "L") {
      amount = money(targetValue * rng.float(0.05, 0.4));
      balance = amount;
    } else {
      amount = Math.max(quantityDecimals === 0 ? 1 : 0.0001, roundTo(targetValue / priceNow, quantityDecimals));
      balance = money(amount * priceNow);
    }
    balances[pKey] = money(balances[pKey] + balance);
    const itd = t === "L" ? 0 : t === "BP" ? roundTo(((inst.rate ?? 2) / 100) * rng.float(0.2, 1), 4) : roundTo(rng.float(-0.2, 0.45, 6), 4);
    const heldDays = rng.int(200, 2_500);
    const yearsHeld = heldDays / 365;
    const itdYearly = roundTo(Math.sign(1 + itd) * (Math.pow(Math.max(0.01, 1 + itd), 1 / Math.max(1, yearsHeld)) - 1), 4);
    const cost = t === "L" ? balance : money(balance / (1 + itd));
    const hasCost = t === "L" || !rng.chance(0.1);
    const initialDay = asOfDay - heldDays;
    const isFund = t === "F";
    const isPlan = t === "PP";
    const isEquity = t === "VI" || t === "ETF";
    const withMaturity = inst.maturityYears !== undefined;
    const countryRoll = rng.next();
    const countryModel: TRecord[] =
      (t === "VI" || t === "F" || t === "FI") && countryRoll < 0.08
        ? [{ country: "BR", issuer: `${inst.name.split(" ")[0]?.toUpperCase()} S.A.`, code: `BR${rng.digits(6)}` }]
        : (t === "VI" || t === "F" || t === "FI") && countryRoll < 0.16
          ? [
              {
                country: "MX",
                emisora: (inst.symbol ?? inst.name.slice(0, 5)).toUpperCase(),
                serie: rng.pick(["A", "B", "*", "L"]),
                bmv: `1${rng.digits(2)}`,
                folio: rng.digits(8),
              },
            ]
          : [];
    const investment: TRecord = {
      _id: id,
      external_id: ext("investment", inst.isin),
      name: inst.name,
      isin: inst.isin,
      cusip: inst.isin.startsWith("US") ? inst.isin.slice(2, 11) : null,
      symbol: inst.symbol,
      entity,
      type: t,
      sybtype: inst.sybtype,
      amount,
      balance,
      currency: inst.currency,
      portfolio_id: portfolioIds[pKey],
      detail: isFund
        ? { morningstar_category: inst.sybtype === "equity_fund" ? "RV Europa Cap. Grande" : "RF Euro Corto Plazo", morningstar_rating: String(rng.int(1, 5)) }
        : isEquity
          ? { sector: rng.pick(["Industria", "Energía", "Tecnología", "Consumo"]), country: inst.isin.slice(0, 2) }
          : {},
      cost: hasCost ? cost : null,
      is_nominal: isNominal,
      cnmv:
        isFund && inst.manager
          ? {
              isin: inst.isin,
              gestora: inst.manager.name,
              cif_gestora: inst.manager.cif,
              depositaria: inst.depositary && !rng.chance(0.2) ? inst.depositary.name : null,
              cif_depositaria: inst.depositary?.cif ?? null,
              num_registro_gestora: inst.manager.registry,
              num_registro_depositaria: inst.depositary?.registry ?? null,
            }
          : null,
      dgs: isPlan ? { gestora: inst.manager?.name ?? null, cif_gestora: inst.manager?.cif ?? null } : null,
      initial_date: rng.chance(0.1) ? null : isoDay(initialDay),
      performance: rng.chance(0.05) ? null : itd,
      performance_detail: {
        MTD: signed(rng, 0.03),
        QTD: signed(rng, 0.06),
        HalfYear: signed(rng, 0.09),
        YTD: signed(rng, 0.12),
        Yearly: signed(rng, 0.15),
        InitialToDate: itd,
        InitialToDateYearly: itdYearly,
      },
      valuation_date: rng.chance(0.1) ? null : isoDay(asOfDay - rng.int(0, 3)),
      expiration_date: withMaturity ? isoDay(asOfDay + Math.round((inst.maturityYears ?? 1) * 365 * rng.float(0.4, 1))) : null,
      analytics:
        isFund || isPlan
          ? {
              risk: roundTo(rng.float(0.01, 0.12, 6), 4),
              sharpe_ratio: roundTo(rng.float(-0.3, 1.8, 6), 4),
              beta_ratio: roundTo(rng.float(0.3, 1.3, 6), 4),
              tracking_error_ratio: roundTo(rng.float(0.005, 0.06, 6), 4),
              volatility: roundTo(rng.float(0.02, 0.25, 6), 4),
              PER: null,
              ROE: null,
              PES: null,
              EPS: null,
              ROA: null,
            }
          : isEquity
            ? {
                risk: null,
                sharpe_ratio: null,
                beta_ratio: roundTo(rng.float(0.5, 1.6, 6), 4),
                tracking_error_ratio: null,
                volatility: roundTo(rng.float(0.1, 0.45, 6), 4),
                PER: roundTo(rng.float(6, 35, 4), 2),
                ROE: roundTo(rng.float(0.02, 0.3, 6), 4),
                PES: roundTo(rng.float(0.5, 3, 4), 2),
                EPS: roundTo(rng.float(0.2, 12, 4), 2),
                ROA: roundTo(rng.float(0.01, 0.15, 6), 4),
              }
            : null,
      interest:
        inst.rate !== undefined
          ? rng.chance(0.25) && t === "FI"
            ? { rate: 0.85, benchmark: "Euribor 12M" }
            : { rate: inst.rate, benchmark: null }
          : t === "L"
            ? { rate: rng.pick([0, 0.5, 1.25]), benchmark: null }
            : null,
      market: inst.market,
      operating_market: inst.operatingMarket,
      capital_gain: hasCost && t !== "L" ? money(balance - cost) : null,
      accrued_interest: t === "FI" ? roundTo(rng.float(0.001, 0.03, 6), 4) : null,
      price_ex_cupon: t === "FI" ? priceNow : null,
      leverage: inst.leverage ?? null,
      country_model: countryModel,
      placing_bank: t === "BP" ? bank.name : null,
      updated_at_timestamp: updated,
    };
    investments.push(maybeNote(rng, investment));
    investmentDetails.push({
      _id: id,
      investment_id: id,
      isin: inst.isin,
      name: inst.name,
      type: t,
      sybtype: inst.sybtype,
      entity,
      currency: inst.currency,
      detail: investment.detail,
      price: priceNow,
      performance_detail: investment.performance_detail,
      analytics: investment.analytics,
      country_model: countryModel,
      external_id: investment.external_id,
      updated_at_timestamp: updated,
    });

    // Transactions: the initial purchase, sometimes a top-up or partial sale, dividends, and one fund transfer.
    if (t === "L") continue;
    const refAccount = inst.currency === "USD" ? usdIban : mainIban;
    const txRng = sub(`investment-tx|${inst.isin}`);
    const costPrice = amount > 0 ? roundTo(cost / (isNominal && t === "FI" ? amount / 100 : amount), 4) : 0;
    const base = {
      accountDest: null,
      accrued_interest: null,
      amountDest: null,
      commissionDest: null,
      currencyDest: null,
      isinDest: null,
      netCashDest: null,
      symbDest: null,
      unitPriceDest: null,
      valueDateDest: null,
      pair_transaction_id: null,
      reversal_type: null,
      currency: inst.currency,
      entity,
      exchange: 1,
      exchangeToPaymentCurrency: 1,
      exchangeToTransactionCurrency: 1,
      investment_id: id,
      isin: inst.isin,
      leverage: inst.leverage ?? null,
      originalCurrency: inst.currency,
      paymentCurrency: inst.currency,
      transactionCurrency: inst.currency,
      referenceCurrency: inst.currency,
      refAccountIBAN: refAccount,
      refValos: refValores[pKey],
      country_model: countryModel,
    };
    const pushTx = (n: number, fields: TRecord): void => {
      const commission = money(Math.max(0, txRng.float(0, 15)));
      investmentTransactions.push(
        maybeNote(
          txRng,
          {
            ...base,
            commission: txRng.chance(0.1) ? null : commission,
            commission_detail: {
              ITF: null,
              broker: txRng.chance(0.5) ? money(commission * 0.6) : null,
              canon: txRng.chance(0.5) ? 0.5 : null,
              entity: money(commission * 0.4),
              fx: inst.currency === "USD" ? 1.2 : null,
            },
            expenses: txRng.chance(0.3) ? null : 0,
            expenses_detail: { custody: null, financial: null, iva: null, liquidation: txRng.chance(0.3) ? 0.35 : null },
            retention: null,
            retention_detail: { destination: null, origin: null },
            origin_gain: { date: isoDay(initialDay), value: 0 },
            origin_gain_detail: null,
            order_id: txRng.chance(0.5) ? null : `ORD${txRng.digits(8)}`,
            transaction_id: txRng.chance(0.2) ? null : `${bank.ibanBankCode}${txRng.digits(10)}`,
            external_id: ext("investment-tx", inst.isin, n),
            _id: hexId(token, "investment-tx", inst.isin, n),
            ...fields,
          },
          0.05,
        ),
      );
    };
    const unitDivisor = isNominal && t === "FI" ? 100 : 1;
    const firstAmount = amount;
    pushTx(0, {
      amount: firstAmount,
      balance: firstAmount,
      description: isFund || isPlan ? "SUSCRIPCIÓN" : "COMPRA",
      type: "1",
      symb: "+",
      unitPrice: costPrice,
      netCash: money(-(firstAmount * costPrice) / unitDivisor),
      operationDate: isoDay(initialDay),
      valueDate: isoDay(initialDay + 2),
    });
    if (isEquity && txRng.chance(0.9)) {
      for (let year = 0; year < Math.min(4, Math.floor(yearsHeld)); year++) {
        const day = initialDay + 180 + year * 365;
        const gross = money(firstAmount * priceNow * txRng.float(0.01, 0.04));
        pushTx(10 + year, {
          amount: 0,
          balance: firstAmount,
          description: "DIVIDENDO",
          type: "5",
          symb: "+",
          unitPrice: priceNow,
          netCash: money(gross * 0.81),
          retention: money(gross * 0.19),
          retention_detail: { destination: money(gross * 0.19), origin: inst.currency === "USD" ? money(gross * 0.15) : null },
          operationDate: isoDay(day),
          valueDate: isoDay(day),
        });
      }
    }
    if (isFund && txRng.chance(0.5)) {
      // A fund switch (type 4): the "-" leg out of another fund, with the counterpart ("Dest") fields.
      const day = initialDay - 1;
      const otherIsin = CATALOG.F.find((f) => f.isin !== inst.isin)?.isin ?? inst.isin;
      pushTx(20, {
        amount: -roundTo(firstAmount * 0.5, 4),
        balance: 0,
        description: "TRASPASO SALIDA",
        type: "4",
        symb: "-",
        unitPrice: costPrice,
        netCash: money(firstAmount * 0.5 * costPrice),
        accountDest: refValores[pKey],
        amountDest: roundTo(firstAmount * 0.5, 4),
        commissionDest: 0,
        currencyDest: inst.currency,
        isin: otherIsin,
        isinDest: inst.isin,
        netCashDest: money(firstAmount * 0.5 * costPrice),
        symbDest: "+",
        unitPriceDest: costPrice,
        valueDateDest: isoDay(day + 3),
        operationDate: isoDay(day),
        valueDate: isoDay(day + 1),
      });
    }
    if ((t === "VI" || t === "ETF" || t === "C") && txRng.chance(0.3)) {
      const day = asOfDay - txRng.int(10, 120);
      const sold = quantityDecimals === 0 ? Math.max(1, Math.floor(firstAmount * 0.1)) : roundTo(firstAmount * 0.1, quantityDecimals);
      pushTx(30, {
        amount: -sold,
        balance: roundTo(firstAmount - sold, 6),
        description: "VENTA",
        type: "2",
        symb: "-",
        unitPrice: priceNow,
        netCash: money(sold * priceNow),
        origin_gain: { date: isoDay(initialDay), value: money(sold * (priceNow - costPrice)) },
        operationDate: isoDay(day),
        valueDate: isoDay(day + 2),
      });
    }
  }

  const portfolioMeta: Record<TPortfolioKey, { name: string; type: string; currency: "EUR" | "USD"; refAccount: string | null }> = {
    valores: { name: "Cartera de Valores", type: "securities", currency: "EUR", refAccount: mainIban },
    usd: { name: "Cartera Internacional USD", type: "securities", currency: "USD", refAccount: usdIban },
    fondos: { name: "Fondos de Inversión", type: "funds", currency: "EUR", refAccount: mainIban },
    planes: { name: "Planes de Pensiones", type: "pension_plans", currency: "EUR", refAccount: null },
  };
  const portfolioRng = sub("portfolios");
  const portfolios: TRecord[] = [];
  for (const key of ["valores", "usd", "fondos", "planes"] as const) {
    if (!chosen.some((inst) => portfolioOf(inst) === key)) continue;
    const meta = portfolioMeta[key];
    const owners: TOwner[] =
      key === "valores" && portfolioRng.chance(0.4)
        ? [
            { name: person.fullName, rel: "Titular" },
            { name: spouse, rel: "Cotitular" },
          ]
        : [{ name: person.fullName, rel: "Titular" }];
    addHolders(meta.name, portfolioIds[key], owners);
    portfolios.push(
      maybeNote(portfolioRng, {
        name: meta.name,
        type: meta.type,
        currency: meta.currency,
        _id: portfolioIds[key],
        refValores: portfolioRng.chance(0.05) ? null : refValores[key],
        refAccount: meta.refAccount,
        refAccounts: meta.refAccount === null ? null : [meta.refAccount, ...(key === "valores" && plans[1]?.currency === "EUR" ? [plans[1].iban] : [])],
        owners: owners.map((o) => o.name),
        balance: balances[key],
        entity,
        external_id: ext("portfolio", key),
        updated_at_timestamp: updated,
      }),
    );
  }

  // Liabilities: one of each documented shape (Credit, Loan, Confirming), sometimes a second loan.
  const liabilityRng = sub("liabilities");
  const liabilities: TRecord[] = [];
  const liabilityTransactions: TRecord[] = [];
  type TLoanSeed = {
    key: string;
    name: string;
    subtype: string;
    capital: number;
    years: number;
    rate: number;
    benchmark: string | null;
    spread: string | null;
  };
  const loans: TLoanSeed[] = [
    {
      key: "mortgage",
      name: "Préstamo Hipotecario Vivienda",
      subtype: "mortgage",
      capital: liabilityRng.int(90, 400) * 1_000,
      years: 25,
      rate: 3.1,
      benchmark: "Euribor 12M",
      spread: "0.89",
    },
  ];
  if (liabilityRng.chance(0.5))
    loans.push({
      key: "personal",
      name: "Préstamo Personal Coche",
      subtype: "personal_loan",
      capital: liabilityRng.int(8, 30) * 1_000,
      years: 6,
      rate: 6.95,
      benchmark: null,
      spread: null,
    });
  for (const loan of loans) {
    const id = hexId(token, "liability", loan.key);
    const months = loan.years * 12;
    const elapsed = Math.min(months - 1, liabilityRng.int(6, 84));
    const openingDay = asOfDay - elapsed * 30 - liabilityRng.int(1, 25);
    const i = loan.rate / 100 / 12;
    const payment = (loan.capital * i) / (1 - Math.pow(1 + i, -months));
    let pending = loan.capital;
    for (let m = 1; m <= elapsed; m++) {
      const interest = pending * i;
      pending -= payment - interest;
      const day = openingDay + m * 30;
      liabilityTransactions.push(
        maybeNote(
          liabilityRng,
          {
            amount: money(-payment),
            currencyAmount: "EUR",
            balance: money(pending),
            currencyBalance: "EUR",
            description: `CUOTA ${m}/${months} ${loan.name.toUpperCase()}`,
            operationDate: isoDay(day),
            valueDate: isoDay(day),
            liability_id: id,
            credit_account: liabilityRng.chance(0.1) ? null : mainIban,
            interest: money(interest),
            commission: liabilityRng.chance(0.7) ? 0 : null,
            external_id: ext("liability-tx", loan.key, m),
            _id: hexId(token, "liability-tx", loan.key, m),
            type: "installment",
            entity,
            transaction_id: liabilityRng.chance(0.3) ? null : `${bank.ibanBankCode}${liabilityRng.digits(10)}`,
            pair_transaction_id: null,
            order_id: null,
          },
          0.02,
        ),
      );
    }
    addHolders(loan.name, id, [{ name: person.fullName, rel: "Titular" }]);
    liabilities.push(
      maybeNote(liabilityRng, {
        name: loan.name,
        type: "Loan",
        balance: money(pending),
        currency: "EUR",
        initialCapital: liabilityRng.chance(0.1) ? null : loan.capital,
        initialCapitalCurrency: "EUR",
        openingDate: isoDay(openingDay),
        expirationDate: isoDay(openingDay + months * 30),
        entity,
        _id: id,
        external_id: ext("liability", loan.key),
        periodicity: "monthly",
        subtype: loan.subtype,
        interest: { rate: loan.rate, benchmark: loan.benchmark, spread: loan.spread, type: loan.benchmark === null ? "fixed" : "variable" },
        contractNumber: liabilityRng.chance(0.2) ? null : `${bank.ibanBankCode}${liabilityRng.digits(12)}`,
        updated_at_timestamp: updated,
      }),
    );
  }
  {
    const id = hexId(token, "liability", "credit");
    const limit = liabilityRng.int(10, 60) * 1_000;
    const openingDay = asOfDay - liabilityRng.int(300, 1_500);
    let used = 0;
    for (let m = 1; m <= 18; m++) {
      const draw = m % 3 === 0 ? -Math.min(used, liabilityRng.int(500, 3_000)) : liabilityRng.int(200, 2_500);
      used = Math.min(limit, Math.max(0, used + draw));
      const day = asOfDay - (19 - m) * 30;
      liabilityTransactions.push({
        amount: money(draw),
        currencyAmount: "EUR",
        balance: money(used),
        currencyBalance: "EUR",
        description: draw >= 0 ? "DISPOSICIÓN PÓLIZA DE CRÉDITO" : "AMORTIZACIÓN PÓLIZA DE CRÉDITO",
        operationDate: isoDay(day),
        valueDate: isoDay(day + 1),
        liability_id: id,
        credit_account: mainIban,
        interest: liabilityRng.chance(0.5) ? money(used * 0.004) : null,
        commission: null,
        external_id: ext("liability-tx", "credit", m),
        _id: hexId(token, "liability-tx", "credit", m),
        type: draw >= 0 ? "drawdown" : "repayment",
        entity,
        transaction_id: null,
        pair_transaction_id: null,
        order_id: null,
      });
    }
    addHolders("Póliza de Crédito", id, [{ name: person.fullName, rel: "Titular" }]);
    liabilities.push(
      maybeNote(liabilityRng, {
        name: "Póliza de Crédito",
        type: "Credit",
        balance: money(used),
        currency: "EUR",
        availableBalance: money(limit - used),
        openingDate: isoDay(openingDay),
        expirationDate: liabilityRng.chance(0.2) ? null : isoDay(openingDay + 3 * 365),
        entity,
        _id: id,
        external_id: ext("liability", "credit"),
        periodicity: "quarterly",
        subtype: "credit_line",
        interest: { rate: 4.25, benchmark: "Euribor 3M", spread: "1.75", type: "variable" },
        contractNumber: `${bank.ibanBankCode}${liabilityRng.digits(12)}`,
        updated_at_timestamp: updated,
      }),
    );
  }
  {
    const id = hexId(token, "liability", "confirming");
    const limit = liabilityRng.int(20, 150) * 1_000;
    const balance = money(limit * liabilityRng.float(0.1, 0.7));
    for (let m = 1; m <= 6; m++) {
      const day = asOfDay - (7 - m) * 30;
      liabilityTransactions.push({
        amount: money(-liabilityRng.float(500, 6_000)),
        currencyAmount: "EUR",
        balance,
        currencyBalance: "EUR",
        description: `PAGO CONFIRMING PROVEEDOR ${m}`,
        operationDate: isoDay(day),
        valueDate: isoDay(day + 30),
        liability_id: id,
        credit_account: null,
        interest: null,
        commission: money(liabilityRng.float(5, 40)),
        external_id: ext("liability-tx", "confirming", m),
        _id: hexId(token, "liability-tx", "confirming", m),
        type: "payment",
        entity,
        transaction_id: null,
        pair_transaction_id: null,
        order_id: null,
      });
    }
    addHolders("Línea de Confirming", id, [{ name: person.fullName, rel: "Titular" }]);
    liabilities.push({
      name: "Línea de Confirming",
      type: "Confirming",
      balance,
      currency: "EUR",
      openingDate: isoDay(asOfDay - 400),
      expirationDate: isoDay(asOfDay + 330),
      entity,
      _id: id,
      external_id: ext("liability", "confirming"),
      limit: liabilityRng.chance(0.1) ? null : limit,
      periodicity: liabilityRng.chance(0.5) ? null : "monthly",
      subtype: liabilityRng.chance(0.3) ? null : "confirming",
      interest: liabilityRng.chance(0.4) ? null : { rate: 2.1, benchmark: null, spread: null, type: "fixed" },
      contractNumber: `${bank.ibanBankCode}${liabilityRng.digits(12)}`,
      updated_at_timestamp: updated,
    });
  }

  const mifid = bank.id === "caja-rural-tajo" ? [] : makeMifid(sub("mifid"));

  return {
    identity,
    holders,
    accounts,
    accountTransactions,
    cards,
    cardTransactions,
    portfolios,
    investments,
    investmentTransactions,
    investmentDetails,
    liabilities,
    liabilityTransactions,
    mifid,
  };
}

const MIFID_QUESTIONS: readonly { question: string; answers: readonly string[]; multi?: boolean }[] = [
  { question: "¿Cuál es su nivel de estudios?", answers: ["Estudios primarios", "Bachillerato", "Universitarios", "Postgrado"] },
  { question: "¿Cuál es su experiencia invirtiendo en renta variable?", answers: ["Ninguna", "Menos de 2 años", "Entre 2 y 5 años", "Más de 5 años"] },
  {
    question: "¿En qué productos ha invertido en los últimos 5 años?",
    answers: ["Depósitos", "Fondos de inversión", "Acciones", "Renta fija", "Derivados"],
    multi: true,
  },
  { question: "¿Cuál es el horizonte temporal de su inversión?", answers: ["Menos de 1 año", "Entre 1 y 3 años", "Entre 3 y 5 años", "Más de 5 años"] },
  { question: "¿Qué haría si su inversión cayera un 20 %?", answers: ["Vendería todo", "Vendería una parte", "Mantendría", "Compraría más"] },
  {
    question: "¿Qué porcentaje de su patrimonio representa esta inversión?",
    answers: ["Menos del 10 %", "Entre el 10 % y el 25 %", "Entre el 25 % y el 50 %", "Más del 50 %"],
  },
  { question: "¿Cuáles son sus ingresos anuales netos?", answers: ["Menos de 20.000 €", "20.000 € - 50.000 €", "50.000 € - 100.000 €", "Más de 100.000 €"] },
  { question: "¿Tiene preferencias de sostenibilidad (ESG)?", answers: ["No", "Sí, moderadas", "Sí, elevadas"] },
];

function makeMifid(rng: TRng): TRecord[] {
  return MIFID_QUESTIONS.map((q, index) => {
    const answer = q.multi ? q.answers.filter(() => rng.chance(0.5)) : [rng.pick(q.answers)];
    return { _id: index + 1, question: q.question, answer: answer.length > 0 ? answer : [q.answers[0] ?? ""] };
  });
}

/** What every account added beside the generated ones needs from its credentials. */
type TSideAccountContext = {
  bank: TSandboxBank;
  person: TPerson;
  token: string;
  entity: string;
  updated: number;
  ext: (...parts: (string | number)[]) => string | null;
  addHolders: (productName: string, productId: string, owners: TOwner[]) => void;
};

/** An account beside the generated ones, in EUR and with no transactions, its holders recorded. */
function makeSideAccount(
  context: TSideAccountContext,
  account: { idKey: string; name: string; iban: string; shownIban: string; balance: number; owners: TOwner[]; numOwners: number },
): TRecord {
  const id = hexId(context.token, "account", account.idKey);
  context.addHolders(account.name, id, account.owners);
  return {
    iban: account.shownIban,
    entity: context.entity,
    alias: account.name,
    balance: account.balance,
    currency: "EUR",
    description: account.name,
    isOwner: true,
    numOwners: account.numOwners,
    owners: account.owners.map((o) => o.name),
    _id: id,
    external_id: context.ext("account", account.iban),
    updated_at_timestamp: context.updated,
  };
}

/**
 * The joint account of a key: its IBAN and balance come from the bank and the key alone (never from
 * the username), so each holder's credentials show the same account. It has no transactions.
 */
function makeJointAccount(joint: TJointAccount, context: TSideAccountContext): TRecord {
  const rng = createRng(`${context.bank.id}:joint:${joint.key}`);
  const iban = makeSpanishIban(context.bank.ibanBankCode, rng.digits(4), `9${rng.digits(9)}`);
  const shownIban = joint.isIbanSpaced ? iban.replace(/(.{4})(?=.)/g, "$1 ") : iban;
  // Each holder's credentials list only their own name; the account still has two holders.
  const owners: TOwner[] = [{ name: context.person.fullName, rel: "Cotitular" }];
  const balance = rng.int(1_000_000, 8_000_000) / 100;
  return makeSideAccount(context, { idKey: "joint", name: "Cuenta Conjunta", iban, shownIban, balance, owners, numOwners: 2 });
}

/**
 * The remunerated account of "deposit-N": exactly N euros, the credentials owner its only holder, no
 * transactions. Its IBAN comes from a stream of its own, so the username's other data is unchanged.
 */
function makeDepositAccount(euros: number, seed: string, context: TSideAccountContext): TRecord {
  const rng = createRng(`${seed}|deposit`);
  const iban = makeSpanishIban(context.bank.ibanBankCode, rng.digits(4), `8${rng.digits(9)}`);
  const owners: TOwner[] = [{ name: context.person.fullName, rel: "Titular" }];
  return makeSideAccount(context, { idKey: "deposit", name: "Cuenta Remunerada", iban, shownIban: iban, balance: euros, owners, numOwners: 1 });
}
