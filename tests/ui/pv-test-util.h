/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void       pv_test_setup_translations (void);
void       pv_test_init            (int         *argc,
                                    char      ***argv);
void       pv_test_iterate         (void);
guint      pv_test_get_n_notifications (void);
void       pv_test_store_result_cb (GObject      *object,
                                    GAsyncResult *result,
                                    gpointer      user_data);
GAsyncResult *pv_test_wait_result  (GAsyncResult **slot);
void       pv_test_remove_tree     (const char   *path);
void       pv_test_wait_until_named (const char *name,
                                     gboolean   (*condition) (gpointer),
                                     gpointer     data);
/* Names the condition in the failure, so a timed-out run says which wait. */
#define pv_test_wait_until(condition, data) \
  pv_test_wait_until_named (#condition, (condition), (data))
GtkWidget *pv_test_find_widget     (GtkWidget   *root,
                                    gboolean   (*match) (GtkWidget *, gconstpointer),
                                    gconstpointer data);
GtkWidget *pv_test_find_button     (GtkWidget   *root,
                                    const char  *action_name);
GtkWidget *pv_test_find_by_type     (GtkWidget   *root,
                                    GType        type);
GtkWindow *pv_test_find_toplevel   (GType        type);

G_END_DECLS
