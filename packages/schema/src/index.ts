// Public entry of @bayan/schema: explicit, sorted named exports only.
export {};
