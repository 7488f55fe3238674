/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

/* What every test that calls asynchronous API, works in a scratch folder
 * or checks an exported document needs, with GLib and libxml2 alone: the
 * core and service tests link no GTK. */

void          pv_test_store_result_cb (GObject       *object,
                                       GAsyncResult  *result,
                                       gpointer       user_data);
GAsyncResult *pv_test_wait_result     (GAsyncResult **slot);
void          pv_test_remove_tree     (const char    *path);
GFile        *pv_test_write_temp_file (const char    *name_template,
                                       const char    *contents);
int           pv_test_validate_doc    (xmlDoc        *doc,
                                       const char    *xsd);

G_END_DECLS
