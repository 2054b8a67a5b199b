/** The audit log's route: {@code POST /admin/v1/events/_search}, in the shape of ZITADEL's ListEvents. */
package dev.warden.http.audit;
