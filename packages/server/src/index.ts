// Public entry of @bayan/server: explicit, sorted named exports only.
export {};
