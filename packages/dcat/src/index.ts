// Public entry of @bayan/dcat: explicit, sorted named exports only.
export {};
