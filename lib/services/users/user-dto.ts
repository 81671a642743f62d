export type TUserSummary = {
  id: string;
  name: string;
  email: string;
  role: "ADVISOR" | "ADMIN";
  disabled: boolean;
  clientCount: number;
  createdAt: string;
};
