import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <div aria-busy="true" className="space-y-6">
      <Skeleton className="h-5 w-96" />
      <Skeleton className="h-32 w-full" />
      <Skeleton className="h-[400px] w-full" />
      <Skeleton className="h-64 w-full" />
      <Skeleton className="h-36 w-full" />
      <Skeleton className="h-[900px] w-full" />
    </div>
  );
}
