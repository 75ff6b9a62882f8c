// The flash sale's stock left, asked for live: the page around it may come from the edge cache and
// show the stock as it was when it was rendered (up to half a minute ago).
import { useEffect, useState } from "preact/hooks";
import { readProduct } from "../api-read";
import { live as t } from "../i18n/zh-CN/live";

export type StockLeftProps = { productId: number; stock: number };

export function StockLeft({ productId, stock }: StockLeftProps) {
  const [left, setLeft] = useState(stock);
  useEffect(() => {
    void readProduct(productId).then((res) => {
      if (res?.product.flash_sale) setLeft(res.product.flash_sale.stock);
    });
  }, [productId]);
  return <span>{left > 0 ? t.stockLeft(left) : t.soldOut}</span>;
}
