import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <div aria-busy="true" className="space-y-6">
      <Skeleton className="h-5 w-96" />
      <Skeleton className="h-5 w-[36rem]" />
      <Skeleton className="h-[420px] w-full" />
    </div>
  );
}
