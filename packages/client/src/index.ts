// Public entry of @bayan/client: explicit, sorted named exports only.
export {};
