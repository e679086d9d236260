import Link from "next/link";
import { Badge } from "@/components/ui/card";

type TRow = {
  id: string;
  name: string;
  tier: string;
  services: string[];
  owner: { name: string } | null;
};

export function VendorTable({ vendors }: { vendors: TRow[] }) {
  if (vendors.length === 0) return <p className="text-sm text-slate-600">No vendors yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">Vendors</caption>
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="py-2 pr-4">
              Vendor
            </th>
            <th scope="col" className="py-2 pr-4">
              Tier
            </th>
            <th scope="col" className="py-2 pr-4">
              Services
            </th>
            <th scope="col" className="py-2">
              Owner
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {vendors.map((v) => (
            <tr key={v.id}>
              <th scope="row" className="py-2 pr-4 font-medium text-slate-900">
                <Link className="text-indigo-800 underline" href={`/vendors/${v.id}`}>
                  {v.name}
                </Link>
              </th>
              <td className="py-2 pr-4">
                <Badge tone={v.tier}>{v.tier}</Badge>
              </td>
              <td className="py-2 pr-4 text-slate-700">{v.services.join(", ") || "—"}</td>
              <td className="py-2 text-slate-700">{v.owner?.name ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
