// The entities the sandbox offers (GET v0/bank/available). All fictional; CIFs have valid controls.
import { makeCif } from "./identifiers";

export type TSandboxBank = {
  id: string;
  name: string;
  cif: string;
  alwaysManualRefresh: boolean;
  /** Four digits used as the bank code of generated Spanish IBANs. */
  ibanBankCode: string;
  kind: "bank" | "broker";
};

export const TESTBANK_ID = "testbank";

export const SANDBOX_BANKS: readonly TSandboxBank[] = [
  { id: TESTBANK_ID, name: "TestBank (sandbox scenarios)", cif: makeCif("A", "0000000"), alwaysManualRefresh: false, ibanBankCode: "9000", kind: "bank" },
  { id: "banco-meseta", name: "Banco Meseta", cif: makeCif("A", "2814736"), alwaysManualRefresh: false, ibanBankCode: "9011", kind: "bank" },
  { id: "caja-rural-tajo", name: "Caja Rural del Tajo", cif: makeCif("F", "4502917"), alwaysManualRefresh: false, ibanBankCode: "9023", kind: "bank" },
  { id: "banco-atlantico-sur", name: "Banco Atlántico Sur", cif: makeCif("A", "3561208"), alwaysManualRefresh: true, ibanBankCode: "9034", kind: "bank" },
  { id: "banca-alhambra", name: "Banca Privada Alhambra", cif: makeCif("A", "1890342"), alwaysManualRefresh: false, ibanBankCode: "9045", kind: "bank" },
  {
    id: "valores-guadalquivir",
    name: "Valores Guadalquivir Broker",
    cif: makeCif("A", "4127795"),
    alwaysManualRefresh: false,
    ibanBankCode: "9056",
    kind: "broker",
  },
  {
    id: "cantabrico-patrimonio",
    name: "Cantábrico Gestión Patrimonial",
    cif: makeCif("A", "3904461"),
    alwaysManualRefresh: false,
    ibanBankCode: "9067",
    kind: "broker",
  },
];

export function findBank(id: string): TSandboxBank | undefined {
  return SANDBOX_BANKS.find((bank) => bank.id === id);
}

/** The public shape of v0/bank/available. */
export function toAvailableEntity(bank: TSandboxBank): { id: string; name: string; cif: string; alwaysManualRefresh: boolean } {
  return { id: bank.id, name: bank.name, cif: bank.cif, alwaysManualRefresh: bank.alwaysManualRefresh };
}
