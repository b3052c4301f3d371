/** Whether a retailer is registered in the account (PUT /v1/retailers/{retailerId}). */
export interface RegisteredRetailers {
  isRegistered(retailerId: string): Promise<boolean>;
}
