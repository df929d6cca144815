/** Products and Prices, with lookup keys (transfer_lookup_key moves a key from the price that holds it). */
import { invalidRequest } from "../errors.ts";
import { bool, int, mergeMetadata, obj, oneOf, type Params, required, str, strings } from "../form.ts";
import { type ApiRequest, arg, type Route, route } from "../router.ts";
import { createdFilter, paginate } from "../store.ts";
import type { Price, Product } from "../types.ts";

function updateProduct(req: ApiRequest, product: Product) {
  const p = req.params;
  for (const key of ["name", "description", "statement_descriptor", "unit_label", "url", "tax_code"]) {
    const v = str(p, key);
    if (v !== undefined) product[key] = v === "" && key !== "name" ? null : v;
  }
  const active = bool(p, "active");
  if (active !== undefined) product.active = active;
  const defaultPrice = str(p, "default_price");
  if (defaultPrice !== undefined) product.default_price = defaultPrice || null;
  product.metadata = mergeMetadata(product.metadata, p);
  product.updated = req.fx.store.now();
  return product;
}

function createProduct(req: ApiRequest) {
  const { store } = req.fx;
  const now = store.now();
  const product = store.put<Product>({
    id: str(req.params, "id") ?? store.newId("prod"),
    object: "product",
    active: true,
    created: now,
    default_price: null,
    description: null,
    images: [],
    livemode: false,
    marketing_features: [],
    metadata: {},
    name: required(req.params, "name"),
    package_dimensions: null,
    shippable: null,
    statement_descriptor: null,
    tax_code: null,
    type: "service",
    unit_label: null,
    updated: now,
    url: null,
  });
  updateProduct(req, product);
  req.fx.bus.emit("product.created", product);
  return product;
}

function setLookupKey(req: ApiRequest, price: Price, p: Params) {
  const key = str(p, "lookup_key");
  if (key === undefined) return;
  const holder = req.fx.store.all<Price>("price").find((x) => x.lookup_key === key && x.id !== price.id);
  if (holder && key !== "") {
    if (!bool(p, "transfer_lookup_key")) {
      throw invalidRequest(`A price (\`${holder.id}\`) already uses that lookup key.`, "lookup_key");
    }
    holder.lookup_key = null;
    req.fx.bus.emit("price.updated", holder, { lookup_key: key });
  }
  price.lookup_key = key === "" ? null : key;
}

function createPrice(req: ApiRequest) {
  const { store, bus } = req.fx;
  const p = req.params;
  const productData = obj(p, "product_data");
  const product = productData
    ? createProduct({ ...req, params: productData })
    : store.get<Product>(required(p, "product"), "product", "product");
  const recurring = obj(p, "recurring");
  const unitAmount = int(p, "unit_amount");
  if (unitAmount === undefined)
    throw invalidRequest("Missing required param: unit_amount.", "unit_amount", "parameter_missing");
  const id = store.newId("price");
  const interval = recurring
    ? (oneOf(recurring, "interval", ["day", "week", "month", "year"] as const) ?? "month")
    : null;
  const price: Price = {
    id,
    object: "price",
    active: bool(p, "active") ?? true,
    billing_scheme: "per_unit",
    created: store.now(),
    currency: required(p, "currency").toLowerCase(),
    custom_unit_amount: null,
    livemode: false,
    lookup_key: null,
    metadata: mergeMetadata({}, p),
    nickname: str(p, "nickname") ?? null,
    product: product.id,
    recurring:
      recurring && interval
        ? {
            interval,
            interval_count: int(recurring, "interval_count") ?? 1,
            meter: null,
            trial_period_days: null,
            usage_type: "licensed",
          }
        : null,
    tax_behavior: str(p, "tax_behavior") ?? "unspecified",
    tiers_mode: null,
    transform_quantity: null,
    type: recurring ? "recurring" : "one_time",
    unit_amount: unitAmount,
    unit_amount_decimal: String(unitAmount),
  };
  setLookupKey(req, price, p);
  store.put(price);
  bus.emit("price.created", price);
  return price;
}

function updatePrice(req: ApiRequest) {
  const price = req.fx.store.get<Price>(arg(req), "price");
  const previous = { lookup_key: price.lookup_key, active: price.active, metadata: price.metadata };
  setLookupKey(req, price, req.params);
  const active = bool(req.params, "active");
  if (active !== undefined) price.active = active;
  const nickname = str(req.params, "nickname");
  if (nickname !== undefined) price.nickname = nickname || null;
  price.metadata = mergeMetadata(price.metadata, req.params);
  req.fx.bus.emit("price.updated", price, previous);
  return price;
}

function listPrices(req: ApiRequest) {
  const p = req.params;
  const keys = strings(p, "lookup_keys");
  const product = str(p, "product");
  const active = bool(p, "active");
  const type = str(p, "type");
  const items = req.fx.store
    .all<Price>("price")
    .filter(
      (x) =>
        (keys.length === 0 || (x.lookup_key !== null && keys.includes(x.lookup_key))) &&
        (!product || x.product === product) &&
        (active === undefined || x.active === active) &&
        (!type || x.type === type),
    )
    .filter(createdFilter(p));
  return paginate(items, p, "/v1/prices");
}

export const catalogRoutes: Route[] = [
  route("POST", "/v1/products", createProduct),
  route("GET", "/v1/products", (req) => {
    const active = bool(req.params, "active");
    const items = req.fx.store
      .all<Product>("product")
      .filter((x) => active === undefined || x.active === active);
    return paginate(items, req.params, "/v1/products");
  }),
  route("GET", "/v1/products/:id", (req) => req.fx.store.get<Product>(arg(req), "product")),
  route("POST", "/v1/products/:id", (req) => {
    const product = req.fx.store.get<Product>(arg(req), "product");
    const previous = { name: product.name, active: product.active, metadata: product.metadata };
    updateProduct(req, product);
    req.fx.bus.emit("product.updated", product, previous);
    return product;
  }),
  route("POST", "/v1/prices", createPrice),
  route("GET", "/v1/prices", listPrices),
  route("GET", "/v1/prices/:id", (req) => req.fx.store.get<Price>(arg(req), "price")),
  route("POST", "/v1/prices/:id", updatePrice),
];
