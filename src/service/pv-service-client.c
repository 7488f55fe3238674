/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "pv-backoff.h"
#include "pv-json.h"
#include "pv-service-client.h"
#include "pv-service-error.h"

/* How Provisio talks to a service: one SoupSession, JSON in and out, and
 * the rules that make bulk work safe. A request that the service did not
 * apply (429, 503, a refused connection) is tried again, honouring
 * Retry-After; a change whose outcome is unknown (the connection dropped
 * after it was sent) is never sent again unless the caller declared it
 * idempotent; the error says so, and the caller checks the state. */

/* Graph answers pages of up to 999 users in well under this; anything
 * larger is parsed in a worker thread so the window keeps drawing. */
#define PARSE_IN_THREAD_THRESHOLD (256 * 1024)
/* Beyond this an answer is not one the contract can produce. */
#define MAX_ANSWER_SIZE (64 * 1024 * 1024)

#define DEFAULT_MAX_ATTEMPTS 6
#define DEFAULT_MAX_TOTAL_US (300 * G_USEC_PER_SEC)
#define DEFAULT_BACKOFF_BASE_US (500 * G_TIME_SPAN_MILLISECOND)
#define BACKOFF_CAP_US (60 * G_USEC_PER_SEC)

struct _PvServiceClient
{
  GObject          parent_instance;

  SoupSession     *session;
  GUri            *base_uri;
  char            *base_url;
  PvTokenProvider *token_provider;

  guint            max_attempts;
  gint64           max_total_us;
  gint64           backoff_base_us;

  gboolean         connection_per_request;
};

G_DEFINE_FINAL_TYPE (PvServiceClient, pv_service_client, G_TYPE_OBJECT)

static void
pv_service_client_finalize (GObject *object)
{
  PvServiceClient *self = PV_SERVICE_CLIENT (object);

  g_clear_object (&self->session);
  g_clear_pointer (&self->base_uri, g_uri_unref);
  g_clear_pointer (&self->base_url, g_free);
  g_clear_object (&self->token_provider);

  G_OBJECT_CLASS (pv_service_client_parent_class)->finalize (object);
}

static void
pv_service_client_class_init (PvServiceClientClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pv_service_client_finalize;
}

static void
pv_service_client_init (PvServiceClient *self)
{
  /* Enough parallel connections for a bulk run to be limited by the
   * service, few enough per host not to look like an attack to it. */
  self->session = soup_session_new_with_options ("max-conns", 32,
                                                 "max-conns-per-host", 16,
                                                 "timeout", 60,
                                                 "idle-timeout", 60,
                                                 "user-agent", "Provisio/" PACKAGE_VERSION " ",
                                                 NULL);
  self->max_attempts = DEFAULT_MAX_ATTEMPTS;
  self->max_total_us = DEFAULT_MAX_TOTAL_US;
  self->backoff_base_us = DEFAULT_BACKOFF_BASE_US;
}

/**
 * pv_service_client_new:
 * @base_url: the service, such as `http://127.0.0.1:8080` for the sandbox
 * @token_provider: (nullable): where credentials come from; %NULL sends
 *   none
 *
 * Returns: (transfer full) (nullable): a client, or %NULL if @base_url is
 *   not an http or https URL
 */
PvServiceClient *
pv_service_client_new (const char       *base_url,
                       PvTokenProvider  *token_provider,
                       GError          **error)
{
  g_autoptr(PvServiceClient) self = NULL;
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  g_return_val_if_fail (base_url != NULL, NULL);
  g_return_val_if_fail (!token_provider || PV_IS_TOKEN_PROVIDER (token_provider), NULL);

  uri = g_uri_parse (base_url, SOUP_HTTP_URI_FLAGS, NULL);
  scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0' ||
      (g_strcmp0 (scheme, "http") != 0 && g_strcmp0 (scheme, "https") != 0))
    {
      /* Translators: %s is what the user gave as the service address. */
      g_set_error (error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_INVALID_REQUEST,
                   _("“%s” is not a service address. Give an address such as https://graph.microsoft.com or http://127.0.0.1:8080."),
                   base_url);
      return NULL;
    }

  self = g_object_new (PV_TYPE_SERVICE_CLIENT, NULL);
  self->base_uri = g_steal_pointer (&uri);
  self->base_url = g_uri_to_string (self->base_uri);
  self->connection_per_request = g_strcmp0 (scheme, "http") == 0;
  if (token_provider != NULL)
    self->token_provider = g_object_ref (token_provider);

  return g_steal_pointer (&self);
}

const char *
pv_service_client_get_base_url (PvServiceClient *self)
{
  g_return_val_if_fail (PV_IS_SERVICE_CLIENT (self), NULL);

  return self->base_url;
}

/**
 * pv_service_client_set_retry_limits:
 * @max_attempts: how many times a request is sent at most (1 disables
 *   retries)
 * @max_total_us: how long a request may take, waits included
 * @backoff_base_us: the first backoff delay when the service gives no
 *   Retry-After
 */
void
pv_service_client_set_retry_limits (PvServiceClient *self,
                                    guint            max_attempts,
                                    gint64           max_total_us,
                                    gint64           backoff_base_us)
{
  g_return_if_fail (PV_IS_SERVICE_CLIENT (self));
  g_return_if_fail (max_attempts >= 1);
  g_return_if_fail (max_total_us > 0 && backoff_base_us > 0);

  self->max_attempts = max_attempts;
  self->max_total_us = max_total_us;
  self->backoff_base_us = backoff_base_us;
}

/* --- One request, with its retries. --- */

typedef struct
{
  char           *method;
  GUri           *uri;
  GBytes         *body;
  PvRequestFlags  flags;

  SoupMessage    *message;
  char           *token;
  guint           attempt;
  gint64          started_us;
  gboolean        token_refreshed;

  GError         *last_error;

  /* For a page of a list: items are made from the JSON in the thread
   * that parses it, so the main loop only appends them. */
  PvJsonParseFunc page_parse;
  gboolean        first_page;
  struct _ListPage *page;
} Request;

/* A page of a list, read off the main loop. */
typedef struct _ListPage
{
  GPtrArray *items;
  gint64     total_count;   /* -1 unless the page says */
  char      *next_link;
  GError    *error;         /* the page is not in the expected shape */
} ListPage;

static void
list_page_free (ListPage *page)
{
  g_clear_pointer (&page->items, g_ptr_array_unref);
  g_clear_pointer (&page->next_link, g_free);
  g_clear_error (&page->error);
  g_free (page);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ListPage, list_page_free)

static void
request_free (Request *request)
{
  g_clear_pointer (&request->method, g_free);
  g_clear_pointer (&request->uri, g_uri_unref);
  g_clear_pointer (&request->body, g_bytes_unref);
  g_clear_object (&request->message);
  g_clear_pointer (&request->token, g_free);
  g_clear_error (&request->last_error);
  g_clear_pointer (&request->page, list_page_free);
  g_free (request);
}

static gboolean
method_is_safe (const char *method)
{
  return g_strcmp0 (method, SOUP_METHOD_GET) == 0 || g_strcmp0 (method, SOUP_METHOD_HEAD) == 0;
}

/* Whether sending this request twice is the same as sending it once. */
static gboolean
request_repeatable (Request *request)
{
  return method_is_safe (request->method) || (request->flags & PV_REQUEST_FLAGS_IDEMPOTENT) != 0;
}

static void send_attempt (GTask *task);

typedef void (*ResumeFunc) (GTask *task);

typedef struct
{
  GTask      *task;
  ResumeFunc  resume;
} Waiting;

static gboolean
wait_done_cb (gpointer user_data)
{
  Waiting *waiting = user_data;
  GTask *task = g_steal_pointer (&waiting->task);

  if (g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    {
      g_task_return_new_error (task, PV_SERVICE_ERROR, PV_SERVICE_ERROR_CANCELLED,
                               _("The operation was cancelled."));
      g_object_unref (task);
    }
  else
    {
      waiting->resume (task);
    }

  return G_SOURCE_REMOVE;
}

static void
waiting_free (Waiting *waiting)
{
  g_clear_object (&waiting->task);
  g_free (waiting);
}

/* Waits @delay_us in @task's context, then hands @task to @resume; or,
 * when @task's cancellable is cancelled (from any thread: the
 * cancellable's source wakes its parent in this context), ends @task at
 * once with PV_SERVICE_ERROR_CANCELLED. Takes @task. */
static void
wait_then (gint64      delay_us,
           GTask      *task,
           ResumeFunc  resume)
{
  g_autoptr(GSource) source = NULL;
  GCancellable *cancellable = g_task_get_cancellable (task);
  Waiting *waiting = g_new0 (Waiting, 1);

  waiting->task = task;
  waiting->resume = resume;

  source = g_timeout_source_new ((guint) MIN (MAX (delay_us, 0) / 1000, G_MAXUINT));
  g_source_set_callback (source, wait_done_cb, waiting, (GDestroyNotify) waiting_free);
  g_source_set_static_name (source, "[provisio] retry wait");
  if (cancellable != NULL)
    {
      g_autoptr(GSource) cancelled = g_cancellable_source_new (cancellable);

      g_source_set_dummy_callback (cancelled);
      g_source_add_child_source (source, cancelled);
    }
  g_source_attach (source, g_task_get_context (task));
}

/* Either waits and tries again, or gives up with @error. Takes @task. */
static void
retry_or_fail (GTask   *task,
               GError  *error,
               gint64   retry_after_us)
{
  Request *request = g_task_get_task_data (task);
  gint64 delay_us, elapsed_us;

  g_clear_error (&request->last_error);
  request->last_error = error;

  delay_us = retry_after_us >= 0
    ? retry_after_us
    : pv_backoff_exponential (request->attempt - 1,
                              PV_SERVICE_CLIENT (g_task_get_source_object (task))->backoff_base_us,
                              BACKOFF_CAP_US, g_random_int ());
  elapsed_us = g_get_monotonic_time () - request->started_us;

  if (request->attempt >= PV_SERVICE_CLIENT (g_task_get_source_object (task))->max_attempts ||
      elapsed_us + delay_us > PV_SERVICE_CLIENT (g_task_get_source_object (task))->max_total_us)
    {
      g_task_return_error (task, g_steal_pointer (&request->last_error));
      g_object_unref (task);
      return;
    }

  g_debug ("Retrying %s %s in %" G_GINT64_FORMAT " ms (attempt %u): %s",
           request->method, g_uri_get_path (request->uri), delay_us / 1000,
           request->attempt + 1, error->message);

  wait_then (delay_us, task, send_attempt);
}

typedef struct
{
  GBytes *bytes;
} ParseData;

static JsonNode *
parse_json (GBytes  *bytes,
            GError **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  JsonNode *node;

  if (size == 0)
    return NULL;

  /* The core parser refuses invalid UTF-8 and documents nested deep
   * enough to exhaust its stack, as a hostile service could send. */
  node = pv_json_parse (data, (gssize) size, &local_error);
  if (node == NULL)
    /* Translators: %s is the technical reason the answer could not be read. */
    g_set_error (error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_MALFORMED_ANSWER,
                 _("The service sent an answer that could not be read (%s)."), local_error->message);

  return node;
}

/* What a worker thread is given to read an answer. */
typedef struct
{
  GBytes          *bytes;
  PvJsonParseFunc  page_parse;   /* set for a successful page of a list */
  gboolean         first_page;
  ListPage        *page;         /* out */
} ParseJob;

static void
parse_job_free (ParseJob *job)
{
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_clear_pointer (&job->page, list_page_free);
  g_free (job);
}

static ListPage *read_list_page (JsonNode        *body,
                                 PvJsonParseFunc  parse,
                                 gboolean         first_page);

static void
parse_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  ParseJob *job = task_data;
  GError *error = NULL;
  JsonNode *node = parse_json (job->bytes, &error);

  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* Building the items, and freeing the tree, cost the main loop more
   * than the parse itself did: both happen here. */
  if (job->page_parse != NULL)
    {
      job->page = read_list_page (node, job->page_parse, job->first_page);
      g_clear_pointer (&node, json_node_unref);
    }

  g_task_return_pointer (task, node, node != NULL ? (GDestroyNotify) json_node_unref : NULL);
}

static void finish_answer (GTask    *task,
                           JsonNode *body,
                           GError   *parse_error);

static void
parsed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GTask *task = user_data;
  GError *error = NULL;
  JsonNode *node = g_task_propagate_pointer (G_TASK (result), &error);
  ParseJob *job = g_task_get_task_data (G_TASK (result));
  Request *request = g_task_get_task_data (task);

  if (job->page != NULL)
    request->page = g_steal_pointer (&job->page);
  finish_answer (task, node, error);
  g_clear_pointer (&node, json_node_unref);
}

static gboolean
status_means_not_applied (guint status)
{
  /* Throttled or unavailable: Graph applies nothing in these answers. */
  return status == PV_HTTP_STATUS_TOO_MANY_REQUESTS || status == SOUP_STATUS_SERVICE_UNAVAILABLE;
}

/* The answer is complete and parsed (or failed to parse). Takes @task,
 * and @parse_error. */
static void
finish_answer (GTask    *task,
               JsonNode *body,
               GError   *parse_error)
{
  Request *request = g_task_get_task_data (task);
  PvServiceClient *self = g_task_get_source_object (task);
  SoupMessageHeaders *headers = soup_message_get_response_headers (request->message);
  guint status = soup_message_get_status (request->message);
  gint64 retry_after_us = -1;
  g_autoptr(GDateTime) now = NULL;

  if (SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      if (parse_error != NULL && request_repeatable (request))
        {
          /* An answer cut on the way is a dropped connection by another
           * name: asking again is safe, and usually enough. */
          retry_or_fail (task, parse_error, -1);
          return;
        }
      else if (parse_error != NULL)
        {
          g_task_return_error (task, parse_error);
        }
      else if (request->page_parse != NULL)
        {
          /* Only list_page_cb asks for pages, and takes them back as
           * such. */
          g_assert (request->page != NULL);
          g_task_return_pointer (task, g_steal_pointer (&request->page), (GDestroyNotify) list_page_free);
        }
      else
        {
          g_autoptr(PvServiceResponse) response =
            pv_service_response_new (status, body, soup_message_headers_get_one (headers, "Location"));
          g_task_return_pointer (task, g_steal_pointer (&response), g_object_unref);
        }
      g_object_unref (task);
      return;
    }

  g_clear_error (&parse_error);

  if (status == SOUP_STATUS_UNAUTHORIZED && self->token_provider != NULL && !request->token_refreshed)
    {
      /* An expired token mid-run: sign in again once, then resend; the
       * service applied nothing to a request it did not authorise. */
      pv_token_provider_invalidate (self->token_provider, request->token);
      request->token_refreshed = TRUE;
      send_attempt (task);
      return;
    }

  if (status_means_not_applied (status) ||
      (status == SOUP_STATUS_GATEWAY_TIMEOUT && request_repeatable (request)))
    {
      now = g_date_time_new_now_utc ();
      if (!pv_backoff_parse_retry_after (soup_message_headers_get_one (headers, "Retry-After"),
                                         now, &retry_after_us))
        retry_after_us = -1;
      retry_or_fail (task,
                     pv_service_error_new_from_answer (status, body,
                                                       soup_message_headers_get_one (headers, "request-id")),
                     retry_after_us);
      return;
    }

  if (status == SOUP_STATUS_GATEWAY_TIMEOUT)
    {
      /* A gateway gave up waiting, but the service behind it may have
       * made the change. */
      g_task_return_new_error (task, PV_SERVICE_ERROR, PV_SERVICE_ERROR_OUTCOME_UNKNOWN,
                               _("The service did not confirm the change in time. It may or may not have been made; Provisio checks before trying again."));
      g_object_unref (task);
      return;
    }

  g_task_return_error (task, pv_service_error_new_from_answer (status, body,
                                                               soup_message_headers_get_one (headers, "request-id")));
  g_object_unref (task);
}

static void
sent_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  Request *request = g_task_get_task_data (task);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  GError *parse_error = NULL;
  JsonNode *body;

  bytes = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);

  if (bytes == NULL)
    {
      gboolean repeatable = request_repeatable (request);
      GError *service_error = pv_service_error_new_from_transport (error, !repeatable);

      if (repeatable && pv_service_error_is_transient (service_error))
        {
          retry_or_fail (task, service_error, -1);
          return;
        }

      g_task_return_error (task, service_error);
      g_object_unref (task);
      return;
    }

  if (g_bytes_get_size (bytes) > MAX_ANSWER_SIZE)
    {
      g_task_return_new_error (task, PV_SERVICE_ERROR, PV_SERVICE_ERROR_MALFORMED_ANSWER,
                               _("The service sent an answer far larger than expected; it was not read."));
      g_object_unref (task);
      return;
    }

  if (g_bytes_get_size (bytes) > PARSE_IN_THREAD_THRESHOLD ||
      (request->page_parse != NULL && SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (request->message))))
    {
      g_autoptr(GTask) parse_task = g_task_new (NULL, g_task_get_cancellable (task), parsed_cb, task);
      ParseJob *job = g_new0 (ParseJob, 1);

      job->bytes = g_bytes_ref (bytes);
      if (SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (request->message)))
        job->page_parse = request->page_parse;
      job->first_page = request->first_page;
      g_task_set_source_tag (parse_task, parse_in_thread);
      g_task_set_task_data (parse_task, job, (GDestroyNotify) parse_job_free);
      g_task_run_in_thread (parse_task, parse_in_thread);
      return;
    }

  body = parse_json (bytes, &parse_error);
  finish_answer (task, body, parse_error);
  g_clear_pointer (&body, json_node_unref);
}

static void
send_with_token (GTask *task)
{
  PvServiceClient *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  SoupMessageHeaders *headers;

  g_clear_object (&request->message);
  request->message = soup_message_new_from_uri (request->method, request->uri);
  headers = soup_message_get_request_headers (request->message);
  soup_message_headers_replace (headers, "Accept", "application/json");
  if (request->flags & PV_REQUEST_FLAGS_EVENTUAL_CONSISTENCY)
    soup_message_headers_replace (headers, "ConsistencyLevel", "eventual");
  if (request->token != NULL)
    {
      g_autofree char *authorization = g_strconcat ("Bearer ", request->token, NULL);
      soup_message_headers_replace (headers, "Authorization", authorization);
    }
  if (request->body != NULL)
    soup_message_set_request_body_from_bytes (request->message, "application/json", request->body);
  /* libsoup 3.2 resends by itself a GET, PUT or DELETE whose kept-alive
   * connection closed before any answer, and can crash doing so. When the
   * first try's failure is seen in the main-loop iteration that sent it,
   * libsoup delivers it from an idle, after the resend has started; it
   * then ends the resend's I/O, and when the resend's answer had come in
   * its own first iteration too, libsoup reads that I/O, now NULL
   * (run_until_read_done in soup-session.c). It resends only on a
   * connection that served an answer before: on a fresh connection the
   * failure comes to us, and our retry sends a new message. Plain http is
   * the sandbox on loopback, fast enough for the crash, and a connection
   * there costs next to nothing; Connection: close lets both ends drop it
   * after its answer instead of keeping it idle. Over https connections
   * are kept: each would cost a TLS handshake, and HTTP/2 allows no
   * Connection header. */
  if (self->connection_per_request)
    {
      soup_message_add_flags (request->message, SOUP_MESSAGE_NEW_CONNECTION);
      soup_message_headers_replace (headers, "Connection", "close");
    }

  request->attempt++;
  soup_session_send_and_read_async (self->session, request->message, G_PRIORITY_DEFAULT,
                                    g_task_get_cancellable (task), sent_cb, task);
}

static void
token_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  GTask *task = user_data;
  Request *request = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&request->token, g_free);
  request->token = pv_token_provider_get_token_finish (PV_TOKEN_PROVIDER (object), result, &error);
  if (request->token == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_new_error (task, PV_SERVICE_ERROR, PV_SERVICE_ERROR_CANCELLED,
                                 _("The operation was cancelled."));
      else
        g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  send_with_token (task);
}

/* Takes @task. */
static void
send_attempt (GTask *task)
{
  PvServiceClient *self = g_task_get_source_object (task);

  if (self->token_provider != NULL)
    pv_token_provider_get_token_async (self->token_provider, g_task_get_cancellable (task),
                                       token_cb, task);
  else
    send_with_token (task);
}

/* Resolves @path against the base URL, refusing to leave its origin: a
 * next link from a hostile answer must not send our credentials, or our
 * requests, anywhere else. */
static GUri *
resolve_path (PvServiceClient  *self,
              const char       *path,
              GError          **error)
{
  g_autoptr(GUri) uri = g_uri_parse_relative (self->base_uri, path, SOUP_HTTP_URI_FLAGS, NULL);

  if (uri == NULL ||
      g_strcmp0 (g_uri_get_scheme (uri), g_uri_get_scheme (self->base_uri)) != 0 ||
      g_ascii_strcasecmp (g_uri_get_host (uri), g_uri_get_host (self->base_uri)) != 0 ||
      g_uri_get_port (uri) != g_uri_get_port (self->base_uri))
    {
      g_set_error_literal (error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_MALFORMED_ANSWER,
                           _("The service pointed to an address outside itself; it was not followed."));
      return NULL;
    }

  return g_steal_pointer (&uri);
}

static void
start_request (PvServiceClient     *self,
               const char          *method,
               const char          *path,
               JsonNode            *body,
               PvRequestFlags       flags,
               PvJsonParseFunc      page_parse,
               gboolean             first_page,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  Request *request;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pv_service_client_request_async);
  /* Cancellation is reported in our own domain like every other outcome,
   * so callers match one domain. */
  g_task_set_check_cancellable (task, FALSE);

  request = g_new0 (Request, 1);
  request->method = g_strdup (method);
  request->flags = flags;
  request->started_us = g_get_monotonic_time ();
  request->page_parse = page_parse;
  request->first_page = first_page;
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);

  request->uri = resolve_path (self, path, &error);
  if (request->uri == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (body != NULL)
    {
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      gsize length;
      char *data;

      json_generator_set_root (generator, body);
      data = json_generator_to_data (generator, &length);
      request->body = g_bytes_new_take (data, length);
    }

  send_attempt (g_steal_pointer (&task));
}

/**
 * pv_service_client_request_async:
 * @method: an HTTP method
 * @path: a path with its query, relative to the base URL, or an absolute
 *   URL on the same service (a next link)
 * @body: (nullable): a JSON body
 * @flags: what the request allows
 *
 * Sends one request, retrying it when the service did not apply it. The
 * result is a #PvServiceResponse for a 2xx answer, or a
 * #PV_SERVICE_ERROR.
 */
void
pv_service_client_request_async (PvServiceClient     *self,
                                 const char          *method,
                                 const char          *path,
                                 JsonNode            *body,
                                 PvRequestFlags       flags,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (PV_IS_SERVICE_CLIENT (self));
  g_return_if_fail (method != NULL && path != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  start_request (self, method, path, body, flags, NULL, FALSE, cancellable, callback, user_data);
}

/**
 * pv_service_client_request_finish:
 *
 * Returns: (transfer full) (nullable): the answer, or %NULL with @error
 */
PvServiceResponse *
pv_service_client_request_finish (PvServiceClient  *self,
                                  GAsyncResult     *result,
                                  GError          **error)
{
  g_return_val_if_fail (PV_IS_SERVICE_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, pv_service_client_request_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* --- Paged lists. --- */

typedef struct
{
  PvRequestFlags   flags;
  PvJsonParseFunc  parse;
  GListStore      *store;
  gint64           total_count;
  guint            page;
  guint            n_items;
} ListData;

static void
list_data_free (ListData *data)
{
  g_clear_object (&data->store);
  g_free (data);
}

static void list_page_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data);

/* Reads one page of a Graph-shaped list, in a worker thread: nothing
 * here may touch the store. */
static ListPage *
read_list_page (JsonNode        *body,
                PvJsonParseFunc  parse,
                gboolean         first_page)
{
  g_autoptr(ListPage) page = g_new0 (ListPage, 1);
  JsonObject *root;
  JsonNode *node;
  JsonArray *values;

  page->total_count = -1;
  page->items = g_ptr_array_new_with_free_func (g_object_unref);

  if (body == NULL || !JSON_NODE_HOLDS_OBJECT (body))
    goto malformed;
  root = json_node_get_object (body);

  node = json_object_get_member (root, "value");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    goto malformed;
  values = json_node_get_array (node);

  for (guint i = 0; i < json_array_get_length (values); i++)
    {
      g_autofree char *path = g_strdup_printf ("value[%u]", i);
      g_autoptr(GError) item_error = NULL;
      GObject *item = parse (json_array_get_element (values, i), path, &item_error);

      if (item == NULL)
        {
          /* Translators: %s says which item of a list was wrong and how,
           * as a sentence of its own. */
          g_set_error (&page->error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_MALFORMED_ANSWER,
                       _("The service sent a list that could not be read. %s"),
                       item_error != NULL ? item_error->message : "");
          return g_steal_pointer (&page);
        }
      g_ptr_array_add (page->items, item);
    }

  /* Only the first page carries the count. */
  node = json_object_get_member (root, "@odata.count");
  if (first_page && node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_INT64)
    page->total_count = json_node_get_int (node);

  node = json_object_get_member (root, "@odata.nextLink");
  if (node != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        goto malformed;
      page->next_link = g_strdup (json_node_get_string (node));
    }

  return g_steal_pointer (&page);

malformed:
  g_set_error_literal (&page->error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_MALFORMED_ANSWER,
                       _("The service sent a list in an unexpected shape."));
  return g_steal_pointer (&page);
}

static void
request_page (PvServiceClient *self,
              GTask           *task,
              const char      *path)
{
  ListData *data = g_task_get_task_data (task);

  start_request (self, SOUP_METHOD_GET, path, NULL, data->flags, data->parse, data->page == 0,
                 g_task_get_cancellable (task), list_page_cb, g_object_ref (task));
}

static void
list_page_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PvServiceClient *self = PV_SERVICE_CLIENT (object);
  ListData *data = g_task_get_task_data (task);
  g_autoptr(ListPage) page = NULL;
  GError *error = NULL;

  page = g_task_propagate_pointer (G_TASK (result), &error);
  if (page == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (page->error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&page->error));
      return;
    }

  if (data->page == 0)
    data->total_count = page->total_count;
  /* One splice a page, so that a list view shows the page at once without
   * one signal per item. */
  g_list_store_splice (data->store, g_list_model_get_n_items (G_LIST_MODEL (data->store)), 0,
                       page->items->pdata, page->items->len);
  data->n_items += page->items->len;
  data->page++;

  if (page->next_link == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  request_page (self, task, page->next_link);
}

/**
 * pv_service_client_list_async:
 * @path: the first page, with its query
 * @parse: turns an item of `value` into an object
 * @store: where items are appended, a page at a time, as pages arrive
 *
 * Follows `@odata.nextLink` to the end of a Graph-shaped list.
 */
void
pv_service_client_list_async (PvServiceClient     *self,
                              const char          *path,
                              PvRequestFlags       flags,
                              PvJsonParseFunc      parse,
                              GListStore          *store,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ListData *data;

  g_return_if_fail (PV_IS_SERVICE_CLIENT (self));
  g_return_if_fail (path != NULL && parse != NULL);
  g_return_if_fail (G_IS_LIST_STORE (store));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pv_service_client_list_async);
  g_task_set_check_cancellable (task, FALSE);

  data = g_new0 (ListData, 1);
  data->flags = flags;
  data->parse = parse;
  data->store = g_object_ref (store);
  data->total_count = -1;
  g_task_set_task_data (task, data, (GDestroyNotify) list_data_free);

  request_page (self, task, path);
}

/**
 * pv_service_client_list_finish:
 * @total_count: (out) (optional): the service's count of all items when
 *   it gave one (`$count=true`), otherwise -1
 */
gboolean
pv_service_client_list_finish (PvServiceClient  *self,
                               GAsyncResult     *result,
                               gint64           *total_count,
                               GError          **error)
{
  ListData *data;

  g_return_val_if_fail (PV_IS_SERVICE_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, pv_service_client_list_async), FALSE);

  data = g_task_get_task_data (G_TASK (result));
  if (total_count != NULL)
    *total_count = data->total_count;

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* --- $batch. --- */

typedef struct
{
  char      *batch_path;
  GPtrArray *items;        /* PvBatchItem, all of the call */
  GPtrArray *chunks;       /* GPtrArray of PvBatchItem, ≤ 20 each */
  guint      chunk;        /* the one being sent */
  guint      attempt;      /* of this chunk */
  gint64     started_us;
} Batch;

static void
batch_free (Batch *batch)
{
  g_clear_pointer (&batch->batch_path, g_free);
  g_clear_pointer (&batch->items, g_ptr_array_unref);
  g_clear_pointer (&batch->chunks, g_ptr_array_unref);
  g_free (batch);
}

static PvBatchItem *
find_item (GPtrArray  *items,
           const char *id)
{
  for (guint i = 0; i < items->len; i++)
    if (g_strcmp0 (pv_batch_item_get_id (g_ptr_array_index (items, i)), id) == 0)
      return g_ptr_array_index (items, i);

  return NULL;
}

/* The first item of the chain an item depends on: Graph needs a request
 * and what it depends on in the same batch. */
static PvBatchItem *
chain_root (GPtrArray   *items,
            PvBatchItem *item)
{
  PvBatchItem *root = item;

  for (guint hops = 0; hops <= items->len; hops++)
    {
      const char *depends_on = pv_batch_item_get_depends_on (root);
      PvBatchItem *parent;

      if (depends_on == NULL)
        return root;
      parent = find_item (items, depends_on);
      if (parent == NULL)
        return NULL;
      root = parent;
    }

  /* A cycle. */
  return NULL;
}

static GPtrArray *
pack_chunks (GPtrArray  *items,
             GError    **error)
{
  g_autoptr(GPtrArray) chunks = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) placed = g_hash_table_new (NULL, NULL);
  GPtrArray *current = NULL;

  for (guint i = 0; i < items->len; i++)
    {
      PvBatchItem *item = g_ptr_array_index (items, i);

      if (!g_hash_table_add (seen, (gpointer) pv_batch_item_get_id (item)))
        {
          /* Translators: %s is the identifier of a request in a batch. */
          g_set_error (error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_INVALID_REQUEST,
                       _("Two requests of one batch share the identifier “%s”."),
                       pv_batch_item_get_id (item));
          return NULL;
        }
    }

  for (guint i = 0; i < items->len; i++)
    {
      PvBatchItem *root = chain_root (items, g_ptr_array_index (items, i));
      g_autoptr(GPtrArray) chain = g_ptr_array_new ();

      if (root == NULL)
        {
          g_set_error_literal (error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_INVALID_REQUEST,
                               _("A request of the batch depends on one that is not in it, or on itself."));
          return NULL;
        }
      if (g_hash_table_contains (placed, root))
        continue;

      /* The whole chain, in the caller's order. */
      for (guint j = 0; j < items->len; j++)
        if (chain_root (items, g_ptr_array_index (items, j)) == root)
          g_ptr_array_add (chain, g_ptr_array_index (items, j));
      g_hash_table_add (placed, root);

      if (chain->len > PV_BATCH_MAX_REQUESTS)
        {
          g_set_error (error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_INVALID_REQUEST,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "A chain of dependent requests is longer than the %u request a batch can hold.",
                                    "A chain of dependent requests is longer than the %u requests a batch can hold.",
                                    PV_BATCH_MAX_REQUESTS),
                       PV_BATCH_MAX_REQUESTS);
          return NULL;
        }

      if (current == NULL || current->len + chain->len > PV_BATCH_MAX_REQUESTS)
        {
          current = g_ptr_array_new_with_free_func (g_object_unref);
          g_ptr_array_add (chunks, current);
        }
      for (guint j = 0; j < chain->len; j++)
        g_ptr_array_add (current, g_object_ref (g_ptr_array_index (chain, j)));
    }

  return g_steal_pointer (&chunks);
}

static JsonNode *
build_batch_body (GPtrArray *chunk)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "requests");
  json_builder_begin_array (builder);

  for (guint i = 0; i < chunk->len; i++)
    {
      PvBatchItem *item = g_ptr_array_index (chunk, i);

      if (pv_batch_item_is_done (item))
        continue;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, pv_batch_item_get_id (item));
      json_builder_set_member_name (builder, "method");
      json_builder_add_string_value (builder, pv_batch_item_get_method (item));
      json_builder_set_member_name (builder, "url");
      json_builder_add_string_value (builder, pv_batch_item_get_url (item));
      if (pv_batch_item_get_body (item) != NULL)
        {
          json_builder_set_member_name (builder, "body");
          json_builder_add_value (builder, json_node_copy (pv_batch_item_get_body (item)));
          json_builder_set_member_name (builder, "headers");
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "Content-Type");
          json_builder_add_string_value (builder, "application/json");
          json_builder_end_object (builder);
        }
      if (pv_batch_item_get_depends_on (item) != NULL)
        {
          PvBatchItem *parent = find_item (chunk, pv_batch_item_get_depends_on (item));

          /* A dependency that already succeeded in an earlier round is
           * not sent again, so nothing is left to wait for. */
          if (parent != NULL && !pv_batch_item_is_done (parent))
            {
              json_builder_set_member_name (builder, "dependsOn");
              json_builder_begin_array (builder);
              json_builder_add_string_value (builder, pv_batch_item_get_depends_on (item));
              json_builder_end_array (builder);
            }
        }
      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static const char *
header_of (JsonObject *answer,
           const char *name)
{
  JsonNode *node = json_object_get_member (answer, "headers");
  JsonObjectIter iter;
  const char *member;
  JsonNode *value;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  /* Header names are case-insensitive; Graph's casing varies. */
  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &member, &value))
    if (g_ascii_strcasecmp (member, name) == 0 &&
        JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
      return json_node_get_string (value);

  return NULL;
}

/* Reads the answers of one round. Returns how many items are to be sent
 * again, and the longest Retry-After among them. */
static guint
read_batch_answers (GPtrArray *chunk,
                    JsonNode  *body,
                    gint64    *retry_after_us)
{
  g_autoptr(GHashTable) retry = g_hash_table_new (NULL, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  JsonArray *answers = NULL;
  guint n_retry = 0;
  gboolean changed;

  *retry_after_us = -1;

  if (body != NULL && JSON_NODE_HOLDS_OBJECT (body))
    {
      JsonNode *node = json_object_get_member (json_node_get_object (body), "responses");

      if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
        answers = json_node_get_array (node);
    }

  for (guint i = 0; answers != NULL && i < json_array_get_length (answers); i++)
    {
      JsonNode *node = json_array_get_element (answers, i);
      JsonObject *answer;
      JsonNode *status_node;
      PvBatchItem *item;
      gint64 status;
      gint64 delay;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      answer = json_node_get_object (node);
      item = find_item (chunk, pv_json_object_get_string (answer, "id"));
      status_node = json_object_get_member (answer, "status");
      /* Answers for requests we did not send, or answered twice, are the
       * service's confusion, not ours to act on. */
      if (item == NULL || pv_batch_item_is_done (item) || g_hash_table_contains (retry, item) ||
          status_node == NULL || !JSON_NODE_HOLDS_VALUE (status_node) ||
          json_node_get_value_type (status_node) != G_TYPE_INT64)
        continue;
      status = json_node_get_int (status_node);

      if (status >= 200 && status < 300)
        {
          pv_batch_item_take_response (item,
                                       pv_service_response_new ((guint) status,
                                                                json_object_get_member (answer, "body"),
                                                                header_of (answer, "Location")));
        }
      else if (status_means_not_applied ((guint) CLAMP (status, 0, G_MAXUINT)))
        {
          /* Each request of a batch is throttled on its own. */
          g_hash_table_add (retry, item);
          if (pv_backoff_parse_retry_after (header_of (answer, "Retry-After"), now, &delay))
            *retry_after_us = MAX (*retry_after_us, delay);
        }
      else if (status == 424)
        {
          pv_batch_item_take_error (item, g_error_new_literal (PV_SERVICE_ERROR, PV_SERVICE_ERROR_CONFLICT,
                                                               _("Not attempted, because the request it depends on failed.")));
        }
      else
        {
          pv_batch_item_take_error (item,
                                    pv_service_error_new_from_answer ((guint) CLAMP (status, 0, 999),
                                                                      json_object_get_member (answer, "body"),
                                                                      header_of (answer, "request-id")));
        }
    }

  /* A request refused only because the one it depends on was throttled
   * goes again with it. */
  do
    {
      changed = FALSE;
      for (guint i = 0; i < chunk->len; i++)
        {
          PvBatchItem *item = g_ptr_array_index (chunk, i);
          PvBatchItem *parent = pv_batch_item_get_depends_on (item) != NULL
            ? find_item (chunk, pv_batch_item_get_depends_on (item)) : NULL;

          if (parent != NULL && g_hash_table_contains (retry, parent) && !g_hash_table_contains (retry, item))
            {
              pv_batch_item_reset (item);
              g_hash_table_add (retry, item);
              changed = TRUE;
            }
        }
    }
  while (changed);

  for (guint i = 0; i < chunk->len; i++)
    {
      PvBatchItem *item = g_ptr_array_index (chunk, i);

      if (g_hash_table_contains (retry, item))
        n_retry++;
      else if (!pv_batch_item_is_done (item))
        pv_batch_item_take_error (item, g_error_new_literal (PV_SERVICE_ERROR, PV_SERVICE_ERROR_MALFORMED_ANSWER,
                                                             _("The service answered the batch without an answer for this request.")));
    }

  return n_retry;
}

static void send_batch_round (GTask *task);

static void
fail_pending (GPtrArray    *chunk,
              const GError *error)
{
  for (guint i = 0; i < chunk->len; i++)
    if (!pv_batch_item_is_done (g_ptr_array_index (chunk, i)))
      pv_batch_item_take_error (g_ptr_array_index (chunk, i), g_error_copy (error));
}

static void
batch_round_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PvServiceClient *self = PV_SERVICE_CLIENT (object);
  Batch *batch = g_task_get_task_data (task);
  GPtrArray *chunk = g_ptr_array_index (batch->chunks, batch->chunk);
  g_autoptr(PvServiceResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  gint64 retry_after_us = -1, delay_us;
  guint n_retry;

  response = pv_service_client_request_finish (self, result, &error);
  if (response == NULL)
    {
      if (g_error_matches (error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      /* The batch as a whole failed: each of its requests shares the
       * outcome, including "unknown" when the answer was lost. */
      fail_pending (chunk, error);
      n_retry = 0;
    }
  else
    {
      n_retry = read_batch_answers (chunk, pv_service_response_get_body (response), &retry_after_us);
    }

  if (n_retry > 0)
    {
      batch->attempt++;
      delay_us = retry_after_us >= 0
        ? retry_after_us
        : pv_backoff_exponential (batch->attempt - 1, self->backoff_base_us, BACKOFF_CAP_US, g_random_int ());

      if (batch->attempt < self->max_attempts &&
          g_get_monotonic_time () - batch->started_us + delay_us <= self->max_total_us)
        {
          for (guint i = 0; i < chunk->len; i++)
            if (!pv_batch_item_is_done (g_ptr_array_index (chunk, i)))
              pv_batch_item_reset (g_ptr_array_index (chunk, i));
          wait_then (delay_us, g_steal_pointer (&task), send_batch_round);
          return;
        }

      {
        g_autoptr(GError) throttled =
          g_error_new_literal (PV_SERVICE_ERROR, PV_SERVICE_ERROR_THROTTLED,
                               _("The service is limiting the number of requests and did not accept this one in time. Try again in a few minutes."));
        fail_pending (chunk, throttled);
      }
    }

  batch->chunk++;
  batch->attempt = 0;
  batch->started_us = g_get_monotonic_time ();
  send_batch_round (g_steal_pointer (&task));
}

/* Takes @task. */
static void
send_batch_round (GTask *task)
{
  PvServiceClient *self = g_task_get_source_object (task);
  Batch *batch = g_task_get_task_data (task);
  g_autoptr(JsonNode) body = NULL;

  if (batch->chunk >= batch->chunks->len)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  body = build_batch_body (g_ptr_array_index (batch->chunks, batch->chunk));
  /* The batch itself is a POST; what it does is decided per request. */
  pv_service_client_request_async (self, SOUP_METHOD_POST, batch->batch_path, body,
                                   PV_REQUEST_FLAGS_NONE, g_task_get_cancellable (task),
                                   batch_round_cb, task);
}

/**
 * pv_service_client_batch_async:
 * @batch_path: where the service takes batches, such as `/v1.0/$batch`
 * @items: (element-type PvBatchItem): the requests, with unique ids
 *
 * Sends @items packed into batches of at most #PV_BATCH_MAX_REQUESTS,
 * each request with what it depends on, and records each one's outcome
 * on its #PvBatchItem. Requests throttled inside a batch are sent again
 * after their Retry-After, with the requests that depend on them.
 *
 * The call fails as a whole only when @items cannot be packed or the
 * caller cancels; otherwise every item has a response or an error.
 */
void
pv_service_client_batch_async (PvServiceClient     *self,
                               const char          *batch_path,
                               GPtrArray           *items,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  Batch *batch;

  g_return_if_fail (PV_IS_SERVICE_CLIENT (self));
  g_return_if_fail (batch_path != NULL && items != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pv_service_client_batch_async);
  g_task_set_check_cancellable (task, FALSE);

  batch = g_new0 (Batch, 1);
  batch->batch_path = g_strdup (batch_path);
  batch->items = g_ptr_array_ref (items);
  batch->started_us = g_get_monotonic_time ();
  g_task_set_task_data (task, batch, (GDestroyNotify) batch_free);

  for (guint i = 0; i < items->len; i++)
    pv_batch_item_reset (g_ptr_array_index (items, i));

  batch->chunks = pack_chunks (items, &error);
  if (batch->chunks == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  send_batch_round (g_steal_pointer (&task));
}

gboolean
pv_service_client_batch_finish (PvServiceClient  *self,
                                GAsyncResult     *result,
                                GError          **error)
{
  g_return_val_if_fail (PV_IS_SERVICE_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, pv_service_client_batch_async), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* --- Long-running operations. --- */

typedef struct
{
  char   *location;
  guint   polls;
  gint64  started_us;
} Operation;

static void
operation_free (Operation *operation)
{
  g_clear_pointer (&operation->location, g_free);
  g_free (operation);
}

static void poll_operation (GTask *task);

static void
operation_polled_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PvServiceClient *self = PV_SERVICE_CLIENT (object);
  Operation *operation = g_task_get_task_data (task);
  g_autoptr(PvServiceResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *body;
  const char *status = NULL;
  gint64 delay_us;

  response = pv_service_client_request_finish (self, result, &error);
  if (response == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  body = pv_service_response_get_body (response);
  if (body != NULL && JSON_NODE_HOLDS_OBJECT (body))
    status = pv_json_object_get_string (json_node_get_object (body), "status");

  if (g_strcmp0 (status, "succeeded") == 0)
    {
      g_task_return_pointer (task, g_steal_pointer (&response), g_object_unref);
      return;
    }

  if (g_strcmp0 (status, "failed") == 0)
    {
      JsonNode *node = json_object_get_member (json_node_get_object (body), "error");
      const char *message = NULL;

      if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
        message = pv_json_object_get_string (json_node_get_object (node), "message");
      /* Translators: %s is the service's explanation, usually in English. */
      g_task_return_new_error (task, PV_SERVICE_ERROR, PV_SERVICE_ERROR_CONFLICT,
                               _("The service could not complete the operation: “%s”"),
                               message != NULL ? message : "?");
      return;
    }

  if (g_strcmp0 (status, "notStarted") != 0 && g_strcmp0 (status, "running") != 0)
    {
      g_task_return_new_error (task, PV_SERVICE_ERROR, PV_SERVICE_ERROR_MALFORMED_ANSWER,
                               _("The service reported an operation in an unknown state."));
      return;
    }

  /* Poll briskly at first (operations usually end within seconds), then
   * less and less often. */
  delay_us = MIN ((gint64) 250 * G_TIME_SPAN_MILLISECOND << MIN (operation->polls, 5u),
                  (gint64) 10 * G_USEC_PER_SEC);
  if (g_get_monotonic_time () - operation->started_us + delay_us > self->max_total_us)
    {
      g_task_return_new_error (task, PV_SERVICE_ERROR, PV_SERVICE_ERROR_TIMEOUT,
                               _("The service did not finish the operation in time. It may still finish; check its result later."));
      return;
    }

  wait_then (delay_us, g_steal_pointer (&task), poll_operation);
}

/* Takes @task. */
static void
poll_operation (GTask *task)
{
  Operation *operation = g_task_get_task_data (task);

  operation->polls++;
  pv_service_client_request_async (g_task_get_source_object (task), SOUP_METHOD_GET,
                                   operation->location, NULL, PV_REQUEST_FLAGS_NONE,
                                   g_task_get_cancellable (task), operation_polled_cb, task);
}

/**
 * pv_service_client_wait_operation_async:
 * @location: the Location of a 202 answer
 *
 * Polls a long-running operation (`notStarted`, `running`, `succeeded`,
 * `failed`) to its end. The result is the final answer, or a
 * #PV_SERVICE_ERROR when it failed or did not end in time.
 */
void
pv_service_client_wait_operation_async (PvServiceClient     *self,
                                        const char          *location,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Operation *operation;

  g_return_if_fail (PV_IS_SERVICE_CLIENT (self));
  g_return_if_fail (location != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pv_service_client_wait_operation_async);
  g_task_set_check_cancellable (task, FALSE);

  operation = g_new0 (Operation, 1);
  operation->location = g_strdup (location);
  operation->started_us = g_get_monotonic_time ();
  g_task_set_task_data (task, operation, (GDestroyNotify) operation_free);

  poll_operation (g_steal_pointer (&task));
}

/**
 * pv_service_client_wait_operation_finish:
 *
 * Returns: (transfer full) (nullable): the operation's final state
 */
PvServiceResponse *
pv_service_client_wait_operation_finish (PvServiceClient  *self,
                                         GAsyncResult     *result,
                                         GError          **error)
{
  g_return_val_if_fail (PV_IS_SERVICE_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, pv_service_client_wait_operation_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
