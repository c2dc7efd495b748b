import type { ReturnAddressView } from "@/lib/views/worklists.ts";

/** A return address as it goes on the parcel, or what is missing (R-E4). */
export function ReturnAddressBlock({ address }: { address: ReturnAddressView | null }) {
  if (!address) {
    return (
      <p className="font-semibold text-red-900">
        No complete return address: the drives cannot go back until the customer gives one (R-E4).
      </p>
    );
  }
  return (
    <address className="not-italic [overflow-wrap:anywhere]">
      <span className="block font-semibold">{address.recipientName}</span>
      {address.lines.map((line, i) => (
        <span key={i} className="block">
          {line}
        </span>
      ))}
      {address.phone && <span className="block">Phone {address.phone}</span>}
      {address.email && <span className="block">{address.email}</span>}
    </address>
  );
}
