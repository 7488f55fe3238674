/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pv-flow.h"

G_BEGIN_DECLS

/* A flow that exists only in tests, to drive the wizard frame: an entry
 * page, a dropped step, a hidden page, a page with an asynchronous apply
 * the test finishes by hand, and a final page that cannot go back. */

#define PV_TYPE_TEST_ENTRY_PAGE (pv_test_entry_page_get_type ())
G_DECLARE_FINAL_TYPE (PvTestEntryPage, pv_test_entry_page, PV, TEST_ENTRY_PAGE, PvPage)

#define PV_TYPE_TEST_APPLY_PAGE (pv_test_apply_page_get_type ())
G_DECLARE_FINAL_TYPE (PvTestApplyPage, pv_test_apply_page, PV, TEST_APPLY_PAGE, PvPage)

#define PV_TYPE_TEST_PLAIN_PAGE (pv_test_plain_page_get_type ())
G_DECLARE_FINAL_TYPE (PvTestPlainPage, pv_test_plain_page, PV, TEST_PLAIN_PAGE, PvPage)

extern const PvFlowInfo pv_test_flow;

GtkEditable *pv_test_entry_page_get_entry       (PvTestEntryPage *self);
gboolean     pv_test_apply_page_is_pending      (PvTestApplyPage *self);
void         pv_test_apply_page_finish_pending  (PvTestApplyPage *self,
                                                 const GError    *error);
guint        pv_test_apply_page_get_n_applies   (PvTestApplyPage *self);

G_END_DECLS
