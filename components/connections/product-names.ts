import type { TMessages } from "@/lib/i18n/messages";

export function productListText(t: Pick<TMessages, "connections">, products: string[]): string {
  const names = t.connections.productNames as Record<string, string>;
  return products.map((product) => names[product] ?? product).join(", ");
}
