import { LedgerSkeleton } from "@/components/wealth/ledger-table";
import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <div aria-busy="true">
      <Skeleton className="mb-2 h-4 w-40" />
      <Skeleton className="mb-4 h-5 w-96" />
      <LedgerSkeleton />
    </div>
  );
}
