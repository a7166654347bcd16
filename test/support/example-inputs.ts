/** An execution input each example runs on: its tests run it (or a variant), and its generated JSON Schema must accept it. */
export const exampleInputs = {
  "expense-approval": { claimId: "c1", employee: "ann", amount: 900, approverEmail: "boss@example.com" },
  "lead-routing": { userId: "u1", email: "u@example.com", country: "DE" },
  "order-processing": { orderId: "o-1", customerEmail: "ann@example.com", items: [{ sku: "A", quantity: 2 }], total: 40 },
  "batch-job": { reportId: "rep-1", month: "2024-04" },
  "csv-import": { runId: "r-1" },
  "etl-pipeline": {
    runId: "r-9",
    date: "2024-05-01",
    sources: [
      { table: "orders", partition: "p1" },
      { table: "customers", partition: "p2" },
    ],
  },
  fulfilment: { orderId: "o-7", address: "1 Main St" },
  shipping: { orderId: "o-7", address: "1 Main St" },
  "jsonata-orders": {
    cartId: "k1",
    customerId: "cu1",
    lines: [
      { sku: "a", price: 30, quantity: 2 },
      { sku: "b", price: 45, quantity: 1 },
    ],
  },
};
