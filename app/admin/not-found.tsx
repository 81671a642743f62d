import { SegmentNotFound } from "@/components/layout/segment-not-found";

export default SegmentNotFound;
