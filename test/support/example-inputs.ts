/** An execution input each of these examples runs on: its tests run them, and its generated JSON Schema must accept them. */
export const exampleInputs = {
  "expense-approval": { claimId: "c1", employee: "ann", amount: 900, approverEmail: "boss@example.com" },
  "lead-routing": { userId: "u1", email: "u@example.com", country: "DE" },
  "order-processing": { orderId: "o-1", customerEmail: "ann@example.com", items: [{ sku: "A", quantity: 2 }], total: 40 },
};
