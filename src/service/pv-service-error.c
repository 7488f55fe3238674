/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "pv-service-error.h"

/* Errors carry what the service said (its code, its message, the request
 * id support will ask for) beside a sentence for people in their own
 * language; an extended error keeps both without parsing messages. */

typedef struct
{
  char  *service_code;
  char  *service_message;
  char  *request_id;
  guint  http_status;
} PvServiceErrorPrivate;

static void
pv_service_error_private_init (PvServiceErrorPrivate *priv)
{
}

/* The GError machinery hands these NULL only if an error was created
 * without its private part, which G_DEFINE_EXTENDED_ERROR prevents; the
 * checks keep -Wnull-dereference satisfied. */
static void
pv_service_error_private_copy (const PvServiceErrorPrivate *src,
                               PvServiceErrorPrivate       *dest)
{
  if (src == NULL || dest == NULL)
    return;

  dest->service_code = g_strdup (src->service_code);
  dest->service_message = g_strdup (src->service_message);
  dest->request_id = g_strdup (src->request_id);
  dest->http_status = src->http_status;
}

static void
pv_service_error_private_clear (PvServiceErrorPrivate *priv)
{
  if (priv == NULL)
    return;

  g_clear_pointer (&priv->service_code, g_free);
  g_clear_pointer (&priv->service_message, g_free);
  g_clear_pointer (&priv->request_id, g_free);
}

G_DEFINE_EXTENDED_ERROR (PvServiceError, pv_service_error)

/* Reads Graph's {"error": {"code", "message", "innerError": {"request-id"}}}
 * without trusting any of it to be there or to have the right type. */
static void
read_error_body (JsonNode    *body,
                 const char **code,
                 const char **message,
                 const char **request_id)
{
  JsonObject *root, *error, *inner;
  JsonNode *node;

  *code = *message = *request_id = NULL;

  if (body == NULL || !JSON_NODE_HOLDS_OBJECT (body))
    return;
  root = json_node_get_object (body);
  node = json_object_get_member (root, "error");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return;
  error = json_node_get_object (node);

  node = json_object_get_member (error, "code");
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    *code = json_node_get_string (node);
  node = json_object_get_member (error, "message");
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    *message = json_node_get_string (node);

  node = json_object_get_member (error, "innerError");
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      inner = json_node_get_object (node);
      node = json_object_get_member (inner, "request-id");
      if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        *request_id = json_node_get_string (node);
    }
}

static PvServiceError
code_for_status (guint status)
{
  if (status == SOUP_STATUS_UNAUTHORIZED)
    return PV_SERVICE_ERROR_UNAUTHORIZED;
  if (status == SOUP_STATUS_FORBIDDEN)
    return PV_SERVICE_ERROR_FORBIDDEN;
  if (status == SOUP_STATUS_NOT_FOUND)
    return PV_SERVICE_ERROR_NOT_FOUND;
  if (status == SOUP_STATUS_CONFLICT || status == SOUP_STATUS_PRECONDITION_FAILED)
    return PV_SERVICE_ERROR_CONFLICT;
  if (status == PV_HTTP_STATUS_TOO_MANY_REQUESTS)
    return PV_SERVICE_ERROR_THROTTLED;
  if (status == SOUP_STATUS_GATEWAY_TIMEOUT)
    return PV_SERVICE_ERROR_TIMEOUT;
  if (status >= 500)
    return PV_SERVICE_ERROR_SERVER_ERROR;
  return PV_SERVICE_ERROR_INVALID_REQUEST;
}

static char *
message_for (PvServiceError  code,
             guint           status,
             const char     *service_message)
{
  const char *sentence;

  switch (code)
    {
    case PV_SERVICE_ERROR_UNAUTHORIZED:
      sentence = _("The service did not accept the sign-in. Sign in again, then retry.");
      break;
    case PV_SERVICE_ERROR_FORBIDDEN:
      sentence = _("The signed-in account is not allowed to do this. Ask for the administrator role this change needs, then retry.");
      break;
    case PV_SERVICE_ERROR_NOT_FOUND:
      sentence = _("The service does not know this item. It may have been removed; refresh the list and try again.");
      break;
    case PV_SERVICE_ERROR_CONFLICT:
      sentence = _("The service refused the change because of the item’s current state.");
      break;
    case PV_SERVICE_ERROR_THROTTLED:
      sentence = _("The service is limiting the number of requests and did not accept this one in time. Try again in a few minutes.");
      break;
    case PV_SERVICE_ERROR_TIMEOUT:
      sentence = _("The service did not answer in time. Try again later.");
      break;
    case PV_SERVICE_ERROR_SERVER_ERROR:
      sentence = _("The service had an internal problem. Try again later.");
      break;
    case PV_SERVICE_ERROR_INVALID_REQUEST:
    case PV_SERVICE_ERROR_NETWORK:
    case PV_SERVICE_ERROR_MALFORMED_ANSWER:
    case PV_SERVICE_ERROR_CANCELLED:
    case PV_SERVICE_ERROR_OUTCOME_UNKNOWN:
    default:
      sentence = _("The service refused the request.");
      break;
    }

  if (service_message == NULL || *service_message == '\0')
    return g_strdup (sentence);

  /* Translators: the first %s is a sentence saying what went wrong, the
   * second the service's own explanation (usually in English), %u the
   * HTTP status code. */
  return g_strdup_printf (_("%s The service said: “%s” (HTTP %u)"), sentence, service_message, status);
}

/**
 * pv_service_error_new_from_answer:
 * @status: an HTTP status that is not a success
 * @body: (nullable): the parsed answer, if it was JSON
 * @request_id_header: (nullable): the request-id header of the answer
 *
 * Returns: (transfer full): a #PV_SERVICE_ERROR for the answer
 */
GError *
pv_service_error_new_from_answer (guint       status,
                                  JsonNode   *body,
                                  const char *request_id_header)
{
  const char *code, *message, *request_id;
  PvServiceError error_code = code_for_status (status);
  g_autofree char *text = NULL;
  PvServiceErrorPrivate *priv;
  GError *error;

  read_error_body (body, &code, &message, &request_id);
  if (request_id == NULL)
    request_id = request_id_header;

  text = message_for (error_code, status, message);
  error = g_error_new_literal (PV_SERVICE_ERROR, error_code, text);
  priv = pv_service_error_get_private (error);
  if (priv != NULL)
    {
      priv->service_code = g_strdup (code);
      priv->service_message = g_strdup (message);
      priv->request_id = g_strdup (request_id);
      priv->http_status = status;
    }

  return error;
}

/**
 * pv_service_error_new_from_transport:
 * @transport_error: what libsoup or GIO reported
 * @sent_write: whether a change may have reached the service
 *
 * Returns: (transfer full): a #PV_SERVICE_ERROR
 */
GError *
pv_service_error_new_from_transport (const GError *transport_error,
                                     gboolean      sent_write)
{
  g_return_val_if_fail (transport_error != NULL, NULL);

  if (g_error_matches (transport_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_new_literal (PV_SERVICE_ERROR, PV_SERVICE_ERROR_CANCELLED,
                                _("The operation was cancelled."));

  /* Refused connections and unknown hosts never carried the request. */
  if (sent_write &&
      !g_error_matches (transport_error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED) &&
      !g_error_matches (transport_error, G_IO_ERROR, G_IO_ERROR_HOST_NOT_FOUND) &&
      transport_error->domain != G_RESOLVER_ERROR)
    /* Translators: %s is the technical reason of a network failure. */
    return g_error_new (PV_SERVICE_ERROR, PV_SERVICE_ERROR_OUTCOME_UNKNOWN,
                        _("The connection failed before the service confirmed the change (%s). It may or may not have been made; Provisio checks before trying again."),
                        transport_error->message);

  if (g_error_matches (transport_error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return g_error_new_literal (PV_SERVICE_ERROR, PV_SERVICE_ERROR_TIMEOUT,
                                _("The service did not answer in time. Try again later."));

  /* Translators: %s is the technical reason of a network failure. */
  return g_error_new (PV_SERVICE_ERROR, PV_SERVICE_ERROR_NETWORK,
                      _("The service could not be reached (%s). Check the network connection and the service address."),
                      transport_error->message);
}

static PvServiceErrorPrivate *
get_private (const GError *error)
{
  if (error == NULL || error->domain != PV_SERVICE_ERROR)
    return NULL;

  return pv_service_error_get_private (error);
}

const char *
pv_service_error_get_service_code (const GError *error)
{
  PvServiceErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->service_code : NULL;
}

const char *
pv_service_error_get_service_message (const GError *error)
{
  PvServiceErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->service_message : NULL;
}

const char *
pv_service_error_get_request_id (const GError *error)
{
  PvServiceErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->request_id : NULL;
}

guint
pv_service_error_get_http_status (const GError *error)
{
  PvServiceErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->http_status : 0;
}

/**
 * pv_service_error_is_transient:
 *
 * Returns: whether trying the same request again later may succeed
 *   without anything changing on the caller's side
 */
gboolean
pv_service_error_is_transient (const GError *error)
{
  return g_error_matches (error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_THROTTLED) ||
         g_error_matches (error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_TIMEOUT) ||
         g_error_matches (error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_SERVER_ERROR) ||
         g_error_matches (error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_NETWORK);
}

/**
 * pv_service_error_is_cancelled:
 *
 * Returns: whether @error only says that the caller gave up, which is
 *   nothing to report: the service's own cancellation or GIO's
 */
gboolean
pv_service_error_is_cancelled (const GError *error)
{
  return g_error_matches (error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_CANCELLED) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}
