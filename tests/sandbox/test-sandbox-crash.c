/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "sandbox-test-util.h"

/* kill -9 during a burst of writes: provisio-sandbox runs as a child
 * process, the test writes as fast as it answers while another thread
 * kills it; the store must then be whole and hold every write that was
 * acknowledged. */

static const char *sandbox_exe;

typedef struct
{
  GPid  pid;
  guint after_ms;
} Killer;

static gpointer
kill_later (gpointer data)
{
  Killer *killer = data;

  g_usleep (killer->after_ms * 1000);
  kill (killer->pid, SIGKILL);
  return NULL;
}

/* A failing test must not leave the server running behind it. */
static void
die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

static void
code_for (guint round,
          char  code[3])
{
  code[0] = (char) ('A' + round % 26);
  code[1] = (char) ('A' + (round / 26) % 26);
  code[2] = '\0';
}

static void
test_kill_during_writes (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("pv-sandbox-crash-XXXXXX", &error);
  g_autofree char *state = g_build_filename (folder, "state.db", NULL);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;
  g_autofree char *base = NULL;
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) acked = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GHashTable) in_flight = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GHashTable) original = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(PvSandboxStore) store = NULL;
  GThread *thread;
  Killer killer = { 0 };
  guint n_acked = 0;
  const char *http;

  g_assert_no_error (error);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  child = g_subprocess_launcher_spawn (launcher, &error,
                                       sandbox_exe, "--port", "0", "--state", state,
                                       "--seed", PV_SANDBOX_SEED, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  http = strstr (line, "http://127.0.0.1:");
  g_assert_nonnull (http);
  base = g_strndup (http, strcspn (http, " )"));

  {
    g_autofree char *url = g_strconcat (base, "/v1.0/users?$top=999&$select=id,usageLocation", NULL);
    g_autoptr(SoupMessage) message = soup_message_new ("GET", url);
    g_autoptr(GBytes) bytes = soup_session_send_and_read (session, message, NULL, &error);
    g_autoptr(JsonParser) parser = json_parser_new ();
    JsonArray *value;

    g_assert_no_error (error);
    g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                               (gssize) g_bytes_get_size (bytes), &error));
    value = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                          "value");
    for (guint i = 0; i < json_array_get_length (value); i++)
      {
        JsonObject *user = json_array_get_object_element (value, i);
        char *id = g_strdup (json_object_get_string_member (user, "id"));

        g_ptr_array_add (ids, id);
        g_hash_table_insert (original, id,
                             g_strdup (json_object_get_string_member (user, "usageLocation")));
      }
  }

  killer.pid = (GPid) atoi (g_subprocess_get_identifier (child));
  killer.after_ms = 400;
  thread = g_thread_new ("killer", kill_later, &killer);

  for (guint i = 0; ; i++)
    {
      const char *id = g_ptr_array_index (ids, i % ids->len);
      g_autofree char *url = g_strdup_printf ("%s/v1.0/users/%s", base, id);
      g_autoptr(SoupMessage) message = soup_message_new ("PATCH", url);
      g_autoptr(GBytes) body = NULL;
      g_autoptr(GBytes) answer = NULL;
      g_autoptr(GError) send_error = NULL;
      char code[3];

      code_for (i / ids->len, code);
      {
        char *text = g_strdup_printf ("{\"usageLocation\":\"%s\"}", code);

        body = g_bytes_new_take (text, strlen (text));
      }
      soup_message_set_request_body_from_bytes (message, "application/json", body);
      g_hash_table_replace (in_flight, (gpointer) id, g_strdup (code));
      answer = soup_session_send_and_read (session, message, NULL, &send_error);
      if (send_error != NULL)
        break;
      g_assert_cmpuint (soup_message_get_status (message), ==, 204);
      g_hash_table_replace (acked, (gpointer) id, g_strdup (code));
      g_hash_table_remove (in_flight, id);
      n_acked++;
      g_assert_cmpuint (i, <, 10000000);
    }
  g_thread_join (thread);
  g_assert_true (g_subprocess_wait (child, NULL, &error));
  g_assert_true (g_subprocess_get_if_signaled (child));
  g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);
  g_test_message ("%u writes acknowledged before kill -9", n_acked);
  g_assert_cmpuint (n_acked, >, 0);

  /* The file is whole… */
  {
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_open (state, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==,
                     SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }

  /* …and holds every acknowledged write; the one in flight may or may
   * not have made it. */
  store = pv_sandbox_store_new (state, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      g_autoptr(JsonNode) user = pv_sandbox_store_get_user (store, id, &error);
      const char *location;
      const char *maybe = g_hash_table_lookup (in_flight, id);
      const char *want;

      g_assert_no_error (error);
      /* The last acknowledged value, or the seed's when none was. */
      if (g_hash_table_contains (acked, id))
        want = g_hash_table_lookup (acked, id);
      else
        want = g_hash_table_lookup (original, id);
      location = json_object_get_string_member (json_node_get_object (user), "usageLocation");
      if (g_strcmp0 (location, want) != 0)
        g_assert_cmpstr (location, ==, maybe);
    }

  g_clear_object (&store);
  {
    g_autofree char *wal = g_strconcat (state, "-wal", NULL);
    g_autofree char *shm = g_strconcat (state, "-shm", NULL);

    g_remove (state);
    g_remove (wal);
    g_remove (shm);
    g_rmdir (folder);
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  sandbox_exe = g_getenv ("PV_SANDBOX_EXE");
  if (sandbox_exe == NULL)
    {
      g_test_skip ("PV_SANDBOX_EXE is not set");
      return 0;
    }
  g_test_add_func ("/sandbox/store/kill-during-writes", test_kill_during_writes);

  return g_test_run ();
}
