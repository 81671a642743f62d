import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <div aria-busy="true" className="space-y-6">
      <Skeleton className="h-4 w-40" />
      <Skeleton className="h-7 w-80" />
      <Skeleton className="h-[330px] w-full" />
      <Skeleton className="h-[120px] w-full" />
      <Skeleton className="h-[260px] w-full" />
      <div className="grid gap-6 lg:grid-cols-2">
        <Skeleton className="h-56" />
        <Skeleton className="h-56" />
      </div>
    </div>
  );
}
