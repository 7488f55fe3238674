/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pv-assistant.h"
#include "pv-test-async.h"

G_BEGIN_DECLS

void       pv_test_setup_translations (void);
void       pv_test_init            (int         *argc,
                                    char      ***argv);
void       pv_test_iterate         (void);
guint      pv_test_get_n_notifications (void);
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
GtkWidget *pv_test_find_row        (GtkWidget   *root,
                                    const char  *title);
void       pv_test_assistant_next  (PvAssistant *assistant);
char      *pv_test_private_home    (const char  *dir_template,
                                    const char  *seed);
void       pv_test_run_application (void       (*activate) (GApplication *));
int        pv_test_validate_xml    (const char  *path,
                                    const char  *xsd);

G_END_DECLS
