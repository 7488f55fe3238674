/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <locale.h>

#include "pv-application.h"
#include "pv-test-util.h"

void
pv_test_setup_translations (void)
{
  const char *localedir = g_getenv ("PROVISIO_TEST_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* The translations built in the build tree, so that tests can check
   * the French interface without installing anything. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/* Xvfb has no window manager, so X focus events come and go in orders a
 * desktop never produces, and GTK warns about an entry that got focus
 * twice. That says nothing about our code; every other warning stays
 * fatal, as g_test_init() makes it. GTK logs through the structured API,
 * which a test fatal handler does not see, hence a writer. */
static gboolean
is_xvfb_focus_warning (const GLogField *fields,
                       gsize            n_fields)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_strcmp0 (fields[i].key, "MESSAGE") == 0 && fields[i].length < 0 &&
        strstr (fields[i].value, "did not receive a focus-out event") != NULL)
      return TRUE;

  return FALSE;
}

static GLogWriterOutput
test_log_writer (GLogLevelFlags   log_level,
                 const GLogField *fields,
                 gsize            n_fields,
                 gpointer         user_data)
{
  GLogWriterOutput output = g_log_writer_default (log_level, fields, n_fields, user_data);

  if ((log_level & (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL)) &&
      !is_xvfb_focus_warning (fields, n_fields))
    g_abort ();

  return output;
}

/* --- A desktop notification server of our own. ---
 *
 * The private session bus of the tests has none, and GLib warns when a
 * notification cannot be delivered: a long run (under the sanitizers) made
 * the application notify, and the warning ended the test. This one takes
 * them and counts them. */

static const char notifications_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.Notifications'>"
  "    <method name='Notify'>"
  "      <arg type='s' direction='in'/><arg type='u' direction='in'/>"
  "      <arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "      <arg type='s' direction='in'/><arg type='as' direction='in'/>"
  "      <arg type='a{sv}' direction='in'/><arg type='i' direction='in'/>"
  "      <arg type='u' direction='out'/>"
  "    </method>"
  "    <method name='CloseNotification'><arg type='u' direction='in'/></method>"
  "    <method name='GetCapabilities'><arg type='as' direction='out'/></method>"
  "    <method name='GetServerInformation'>"
  "      <arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "      <arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "    </method>"
  "  </interface>"
  "</node>";

static guint n_notifications;

static void
notifications_call_cb (GDBusConnection       *connection,
                       const char            *sender,
                       const char            *object_path,
                       const char            *interface_name,
                       const char            *method_name,
                       GVariant              *parameters,
                       GDBusMethodInvocation *invocation,
                       gpointer               user_data)
{
  if (g_str_equal (method_name, "Notify"))
    {
      n_notifications++;
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", n_notifications));
    }
  else if (g_str_equal (method_name, "GetCapabilities"))
    g_dbus_method_invocation_return_value (invocation, g_variant_new_parsed ("(@as [],)"));
  else if (g_str_equal (method_name, "GetServerInformation"))
    g_dbus_method_invocation_return_value (invocation, g_variant_new ("(ssss)", "provisio-tests", "Provisio",
                                                                      "1", "1.2"));
  else
    g_dbus_method_invocation_return_value (invocation, NULL);
}

static void
serve_notifications (void)
{
  static const GDBusInterfaceVTable vtable = { notifications_call_cb, NULL, NULL, { 0 } };
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (notifications_xml, NULL);
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);

  /* Only on the tests' own bus: never take the name on a desktop's. */
  if (bus == NULL || g_getenv ("PV_TEST_PRIVATE_BUS") == NULL)
    return;

  g_dbus_connection_register_object (bus, "/org/freedesktop/Notifications", info->interfaces[0],
                                     &vtable, NULL, NULL, NULL);
  g_bus_own_name_on_connection (bus, "org.freedesktop.Notifications", G_BUS_NAME_OWNER_FLAGS_NONE,
                                NULL, NULL, NULL, NULL);
}

/**
 * pv_test_get_n_notifications:
 *
 * Returns: how many desktop notifications the process has sent
 */
guint
pv_test_get_n_notifications (void)
{
  return n_notifications;
}

void
pv_test_init (int    *argc,
              char ***argv)
{
  pv_test_setup_translations ();

  g_log_set_writer_func (test_log_writer, NULL, NULL);
  gtk_test_init (argc, argv, NULL);
  /* The writer decides which warnings end the test. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK);
  adw_init ();

  /* Tests check where things end up, not how they get there. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  serve_notifications ();
}

void
pv_test_iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Waits for @condition, failing the test after 60 s rather than hanging:
 * a deadline for progress, not a timing measurement, so it is generous:
 * 10 s was once too short for a 200-person run under AddressSanitizer on
 * two cores shared with other builds. PV_TEST_DEADLINE (seconds) changes
 * it, longer for a leak hunt with full stack traces, shorter to find a
 * hang quickly. */
void
pv_test_wait_until_named (const char  *name,
                          gboolean   (*condition) (gpointer),
                          gpointer     data)
{
  const char *deadline = g_getenv ("PV_TEST_DEADLINE");
  guint seconds = deadline != NULL ? (guint) CLAMP (g_ascii_strtoull (deadline, NULL, 10), 1, 3600) : 60;
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (seconds, timeout_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (timed_out)
    g_error ("Waited %u s for %s without it becoming true", seconds, name);
  g_source_remove (id);
}

GtkWidget *
pv_test_find_widget (GtkWidget     *root,
                     gboolean     (*match) (GtkWidget *, gconstpointer),
                     gconstpointer  data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = pv_test_find_widget (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
match_action_button (GtkWidget     *widget,
                     gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), data) == 0;
}

GtkWidget *
pv_test_find_button (GtkWidget  *root,
                     const char *action_name)
{
  return pv_test_find_widget (root, match_action_button, action_name);
}

static gboolean
match_type (GtkWidget     *widget,
            gconstpointer  data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (data));
}

GtkWidget *
pv_test_find_by_type (GtkWidget *root,
                      GType      type)
{
  return pv_test_find_widget (root, match_type, GSIZE_TO_POINTER (type));
}

GtkWindow *
pv_test_find_toplevel (GType type)
{
  g_autoptr(GListModel) toplevels = NULL;
  guint n;

  toplevels = g_object_ref (gtk_window_get_toplevels ());
  n = g_list_model_get_n_items (toplevels);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }

  return NULL;
}

static gboolean
match_row_title (GtkWidget     *widget,
                 gconstpointer  data)
{
  return ADW_IS_PREFERENCES_ROW (widget) && gtk_widget_get_visible (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

/**
 * pv_test_find_row:
 *
 * Returns: (nullable): the first visible preferences row below @root
 *   titled @title
 */
GtkWidget *
pv_test_find_row (GtkWidget  *root,
                  const char *title)
{
  return pv_test_find_widget (root, match_row_title, title);
}

/* What a click on Next does, and what it must lead to. */
void
pv_test_assistant_next (PvAssistant *assistant)
{
  PvPage *page = pv_assistant_get_current_page (assistant);

  /* Next is only offered when the page is complete. */
  g_assert_true (pv_page_get_complete (page));
  gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.next", NULL);
  pv_test_iterate ();
  g_assert_true (pv_assistant_get_current_page (assistant) != page);
}

/**
 * pv_test_private_home:
 *
 * A private tenant and run journal for an application started by the
 * test: XDG_DATA_HOME and XDG_STATE_HOME in a new scratch folder, and the
 * sandbox seeded from @seed. Call it before GLib reads them.
 *
 * Returns: (transfer full): the scratch folder, for pv_test_remove_tree()
 */
char *
pv_test_private_home (const char *dir_template,
                      const char *seed)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *scratch = g_dir_make_tmp (dir_template, &error);
  g_autofree char *data = NULL;
  g_autofree char *state = NULL;

  g_assert_no_error (error);
  data = g_build_filename (scratch, "data", NULL);
  state = g_build_filename (scratch, "state", NULL);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_setenv ("PROVISIO_SANDBOX_SEED", seed, TRUE);

  return g_steal_pointer (&scratch);
}

/* Runs the application, not unique so that it never hands over to one
 * already running, with @activate after its own activation; it must end
 * well. */
void
pv_test_run_application (void (*activate) (GApplication *))
{
  g_autoptr(PvApplication) application = pv_application_new ();

  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (application, "activate", G_CALLBACK (activate), NULL);
  g_assert_cmpint (g_application_run (G_APPLICATION (application), 0, NULL), ==, 0);
}

/* Returns 0 when the file at @path is valid against the schema at @xsd,
 * the libxml2 result otherwise. */
int
pv_test_validate_xml (const char *path,
                      const char *xsd)
{
  return pv_test_validate_doc (xmlReadFile (path, NULL, XML_PARSE_NONET), xsd);
}
