/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "pv-application.h"
#include "pv-preferences-window.h"
#include "pv-test-util.h"
#include "pv-window.h"

/* Renders each page of Provisio to a PNG file, in the language of the
 * environment, so that the whole interface can be looked at (and checked
 * for truncated or untranslated text) without clicking through it. Every
 * new page of a flow gets a scene here. */

static const char *output_dir;
static guint n_written;

static gboolean
frame_drawn_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  guint *n_frames = user_data;

  (*n_frames)++;
  return G_SOURCE_CONTINUE;
}

static gboolean
enough_frames (gpointer user_data)
{
  return *(guint *) user_data >= 3;
}

static void
save_window (GtkWindow  *window,
             const char *name)
{
  g_autofree char *path = NULL;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;
  GskRenderNode *node;
  guint n_frames = 0;
  guint tick_id;
  int width, height;

  gtk_window_present (window);

  /* A few frames, so that layout and styles have settled. */
  tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (window), frame_drawn_cb, &n_frames, NULL);
  pv_test_wait_until (enough_frames, &n_frames);
  gtk_widget_remove_tick_callback (GTK_WIDGET (window), tick_id);

  width = gtk_widget_get_width (GTK_WIDGET (window));
  height = gtk_widget_get_height (GTK_WIDGET (window));
  paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_render_node_unref (node);

  path = g_build_filename (output_dir, name, NULL);
  if (!gdk_texture_save_to_png (texture, path))
    g_error ("Could not write %s", path);

  g_print ("%s\n", path);
  n_written++;
}

static void
application_activate_cb (GApplication *application)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));
  GtkWindow *dialog;

  gtk_window_set_default_size (window, 960, 720);
  save_window (window, "start-page.png");

  dialog = pv_application_show_preferences (PV_APPLICATION (application));
  save_window (dialog, "preferences.png");
  gtk_window_destroy (dialog);

  dialog = pv_application_show_about (PV_APPLICATION (application));
  save_window (dialog, "about.png");
  gtk_window_destroy (dialog);

  dialog = GTK_WINDOW (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  save_window (dialog, "keyboard-shortcuts.png");
  gtk_widget_set_visible (GTK_WIDGET (dialog), FALSE);

  g_application_quit (application);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PvApplication) application = NULL;

  if (argc != 2)
    {
      g_printerr ("usage: %s OUTPUT-DIRECTORY\n", argv[0]);
      return 2;
    }
  output_dir = argv[1];
  if (g_mkdir_with_parents (output_dir, 0755) != 0)
    {
      g_printerr ("Could not create %s: %s\n", output_dir, g_strerror (errno));
      return 1;
    }
  pv_test_setup_translations ();
  adw_init ();
  /* Pictures of the settled interface, not of transitions. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  application = pv_application_new ();
  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (application, "activate", G_CALLBACK (application_activate_cb), NULL);

  if (g_application_run (G_APPLICATION (application), 0, NULL) != 0 || n_written == 0)
    return 1;

  return 0;
}
