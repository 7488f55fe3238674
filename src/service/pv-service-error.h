/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define PV_SERVICE_ERROR (pv_service_error_quark ())

/* libsoup 3.2 has no name for it. */
#define PV_HTTP_STATUS_TOO_MANY_REQUESTS 429

/**
 * PvServiceError:
 * @PV_SERVICE_ERROR_NETWORK: the service could not be reached
 * @PV_SERVICE_ERROR_TIMEOUT: the service did not answer in time
 * @PV_SERVICE_ERROR_THROTTLED: the service asked to slow down (429) and
 *   retrying did not get through
 * @PV_SERVICE_ERROR_UNAUTHORIZED: 401: no or expired credentials
 * @PV_SERVICE_ERROR_FORBIDDEN: 403: the account lacks the rights
 * @PV_SERVICE_ERROR_NOT_FOUND: 404
 * @PV_SERVICE_ERROR_CONFLICT: 409 or 412: the state forbids the change
 * @PV_SERVICE_ERROR_INVALID_REQUEST: any other 4xx
 * @PV_SERVICE_ERROR_SERVER_ERROR: 5xx after retries
 * @PV_SERVICE_ERROR_MALFORMED_ANSWER: the answer could not be understood
 * @PV_SERVICE_ERROR_CANCELLED: the caller cancelled
 * @PV_SERVICE_ERROR_OUTCOME_UNKNOWN: a change was sent but the connection
 *   failed before its answer: it may or may not have taken effect, so it
 *   must be checked, never blindly sent again
 */
typedef enum
{
  PV_SERVICE_ERROR_NETWORK,
  PV_SERVICE_ERROR_TIMEOUT,
  PV_SERVICE_ERROR_THROTTLED,
  PV_SERVICE_ERROR_UNAUTHORIZED,
  PV_SERVICE_ERROR_FORBIDDEN,
  PV_SERVICE_ERROR_NOT_FOUND,
  PV_SERVICE_ERROR_CONFLICT,
  PV_SERVICE_ERROR_INVALID_REQUEST,
  PV_SERVICE_ERROR_SERVER_ERROR,
  PV_SERVICE_ERROR_MALFORMED_ANSWER,
  PV_SERVICE_ERROR_CANCELLED,
  PV_SERVICE_ERROR_OUTCOME_UNKNOWN,
} PvServiceError;

GQuark      pv_service_error_quark              (void);

GError     *pv_service_error_new_from_answer    (guint        status,
                                                 JsonNode    *body,
                                                 const char  *request_id_header);
GError     *pv_service_error_new_from_transport (const GError *transport_error,
                                                 gboolean      sent_write);

const char *pv_service_error_get_service_code   (const GError *error);
const char *pv_service_error_get_service_message (const GError *error);
const char *pv_service_error_get_request_id     (const GError *error);
guint       pv_service_error_get_http_status    (const GError *error);
gboolean    pv_service_error_is_transient       (const GError *error);
gboolean    pv_service_error_is_cancelled       (const GError *error);

G_END_DECLS
