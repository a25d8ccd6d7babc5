// Public entry of @bayan/catalog: explicit, sorted named exports only.
export {};
