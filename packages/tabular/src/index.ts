// Public entry of @bayan/tabular: explicit, sorted named exports only.
export {};
