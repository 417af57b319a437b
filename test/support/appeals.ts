/** Builders for integration-side requests, so tests file realistic appeals in one line. */
import { randomUUID } from "node:crypto";
import type { FileAppealRequest } from "@shared/api/integration";
import type { MutationResponse } from "@shared/api/mutations";
import type { CaseDetail } from "@shared/domain/appeal";
import { ApiClient } from "./api";
import { SERVICE_TOKEN } from "./backends";

export function filing(overrides: Partial<FileAppealRequest> = {}): FileAppealRequest {
  const orderId = `T${randomUUID().slice(0, 12)}`;
  const now = Date.now();
  return {
    kind: "p2p_trade",
    reason: "paid_not_released",
    region: "VN",
    amount: "2500000",
    currency: "VND",
    complainant: {
      side: "buyer",
      externalUserId: "U1001",
      displayName: "Nguyễn Văn An",
      phone: "+84 912345678",
      email: null,
      language: "vi",
    },
    respondent: {
      side: "seller",
      externalUserId: "U2002",
      displayName: "Trần Thị Bích Ngọc",
      phone: "+84 987654321",
      email: null,
      language: "vi",
    },
    statement: "Tôi đã chuyển khoản 2.500.000 VND nhưng người bán chưa mở khóa USDT.",
    trade: {
      orderId,
      asset: "USDT",
      assetAmount: "98.43",
      fiatAmount: "2500000",
      fiatCurrency: "VND",
      price: "25400",
      paymentMethod: "Vietcombank",
      createdAt: new Date(now - 40 * 60_000).toISOString(),
      markedPaidAt: new Date(now - 30 * 60_000).toISOString(),
    },
    payment: null,
    priority: "normal",
    ...overrides,
  };
}

/** The integration token of a server started in web mode (`npm run web`, the e2e desk fixture). */
export const WEB_SERVICE_TOKEN = process.env.SERVICE_TOKEN ?? "demo-service-token";

export function platform(baseUrl: string, serviceToken = SERVICE_TOKEN): ApiClient {
  return new ApiClient(baseUrl, serviceToken);
}

/** Files an appeal and lets the respondent answer "negotiation failed": the case is escalated. */
export async function escalatedCase(
  baseUrl: string,
  overrides: Partial<FileAppealRequest> = {},
  serviceToken = SERVICE_TOKEN,
): Promise<CaseDetail> {
  const service = platform(baseUrl, serviceToken);
  const filed = await service.post<{ case: CaseDetail }>("/integration/appeals", filing(overrides));
  if (filed.status !== 201)
    throw new Error(`filing failed: ${filed.status} ${JSON.stringify(filed.body)}`);
  const answered = await service.post<{ case: CaseDetail }>(
    `/integration/appeals/${filed.body.case.id}/respondent-answer`,
    { answer: "negotiation_failed", statement: "Tôi chưa nhận được tiền." },
  );
  if (answered.status !== 200) throw new Error(`answer failed: ${answered.status}`);
  return answered.body.case;
}

/** An escalated case claimed by `username` (signed in through the API): where most desk tests start. */
export async function claimedCase(
  baseUrl: string,
  username = "agent1",
  overrides: Partial<FileAppealRequest> = {},
  serviceToken = SERVICE_TOKEN,
): Promise<CaseDetail> {
  const escalated = await escalatedCase(baseUrl, overrides, serviceToken);
  const agent = await ApiClient.login(baseUrl, username);
  const claimed = await agent.post<MutationResponse>(
    `/cases/${escalated.id}/claim`,
    {},
    { ifMatch: escalated.version },
  );
  if (claimed.status !== 200) throw new Error(`claim failed: ${claimed.status}`);
  return claimed.body.case as CaseDetail;
}
