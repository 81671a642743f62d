import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <div aria-busy="true">
      <Skeleton className="mb-4 h-5 w-96" />
      <Skeleton className="mb-3 h-7 w-40" />
      <Skeleton className="mb-3 h-[90px] w-full" />
      <Skeleton className="mb-2 h-4 w-40" />
      <Skeleton className="h-[1100px] w-full" />
    </div>
  );
}
