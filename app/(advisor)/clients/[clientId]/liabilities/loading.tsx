import { LedgerSkeleton } from "@/components/wealth/ledger-table";
import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <div aria-busy="true">
      <Skeleton className="mb-4 h-5 w-96" />
      <Skeleton className="mb-3 h-7 w-32" />
      <Skeleton className="h-[150px] w-full" />
      <LedgerSkeleton />
    </div>
  );
}
