// Public entry of @bayan/quality: explicit, sorted named exports only.
export {};
