"use client";

export { WealthTabError as default } from "@/components/wealth/tab-error";
