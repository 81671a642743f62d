// Spanish-flavoured identity for generated credentials.
import type { TRng } from "./prng";

const MALE = ["Javier", "Carlos", "Miguel", "Alejandro", "Pablo", "Andrés", "Jorge", "Álvaro", "Sergio", "Diego"] as const;
const FEMALE = ["Lucía", "María", "Carmen", "Laura", "Elena", "Marta", "Paula", "Sara", "Isabel", "Cristina"] as const;
const SURNAMES = [
  "García",
  "Fernández",
  "González",
  "Rodríguez",
  "López",
  "Martínez",
  "Sánchez",
  "Pérez",
  "Gómez",
  "Martín",
  "Jiménez",
  "Ruiz",
  "Hernández",
  "Díaz",
  "Moreno",
  "Álvarez",
  "Romero",
  "Navarro",
] as const;
const CITIES = [
  { city: "Madrid", state: "Madrid", zip: "280" },
  { city: "Barcelona", state: "Barcelona", zip: "080" },
  { city: "Valencia", state: "Valencia", zip: "460" },
  { city: "Sevilla", state: "Sevilla", zip: "410" },
  { city: "Bilbao", state: "Bizkaia", zip: "480" },
  { city: "Zaragoza", state: "Zaragoza", zip: "500" },
  { city: "Málaga", state: "Málaga", zip: "290" },
] as const;
const STREETS = ["Mayor", "de Alcalá", "Gran Vía", "del Sol", "de la Constitución", "Real", "San Vicente", "de Colón"] as const;
const OCCUPATIONS = [
  { occupation: "Ingeniero/a", sector: "Tecnología" },
  { occupation: "Médico/a", sector: "Sanidad" },
  { occupation: "Abogado/a", sector: "Servicios jurídicos" },
  { occupation: "Empresario/a", sector: "Comercio" },
  { occupation: "Profesor/a", sector: "Educación" },
  { occupation: "Directivo/a", sector: "Banca y seguros" },
  { occupation: "Jubilado/a", sector: "Sin actividad" },
] as const;

export type TPerson = {
  name: string;
  surname1: string;
  surname2: string;
  fullName: string;
  gender: "male" | "female";
  birthDate: string;
  dni: string;
  email: string;
  phone: string;
  streetType: string;
  streetName: string;
  streetNumber: string;
  city: string;
  zipCode: string;
  state: string;
  occupation: string;
  sector: string;
};

const DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";

export function makeDni(rng: TRng): string {
  const number = rng.int(10_000_000, 79_999_999);
  return `${number}${DNI_LETTERS[number % 23]}`;
}

function ascii(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

export function makePerson(rng: TRng, asOfYear: number): TPerson {
  const gender = rng.chance(0.5) ? "female" : "male";
  const name = rng.pick(gender === "female" ? FEMALE : MALE);
  const surname1 = rng.pick(SURNAMES);
  const surname2 = rng.pick(SURNAMES);
  const place = rng.pick(CITIES);
  const job = rng.pick(OCCUPATIONS);
  const year = asOfYear - rng.int(28, 78);
  return {
    name,
    surname1,
    surname2,
    fullName: `${name} ${surname1} ${surname2}`,
    gender,
    birthDate: `${year}-${String(rng.int(1, 12)).padStart(2, "0")}-${String(rng.int(1, 28)).padStart(2, "0")}`,
    dni: makeDni(rng),
    email: `${ascii(name)}.${ascii(surname1)}${rng.int(1, 99)}@correo.example`,
    phone: `+34 6${rng.digits(2)} ${rng.digits(3)} ${rng.digits(3)}`,
    streetType: rng.chance(0.7) ? "Calle" : "Avenida",
    streetName: rng.pick(STREETS),
    streetNumber: String(rng.int(1, 180)),
    city: place.city,
    zipCode: `${place.zip}${rng.digits(2)}`,
    state: place.state,
    occupation: job.occupation,
    sector: job.sector,
  };
}

export function makeRelative(rng: TRng, main: TPerson): string {
  const female = main.gender === "male";
  return `${rng.pick(female ? FEMALE : MALE)} ${rng.pick(SURNAMES)} ${rng.pick(SURNAMES)}`;
}
