/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pv-page.h"

G_BEGIN_DECLS

/* Creates one page of a flow. @state is the flow's shared state (its plan),
 * which pages bind to instead of knowing each other. A factory may return
 * NULL to leave its step out. */
typedef PvPage *(*PvPageFactory) (GObject *state);

typedef struct
{
  const char *id;
  /* Untranslated (N_()) strings, translated when shown. */
  const char *title;
  const char *description;
  const char *icon_name;
  /* Returns a new reference to the state shared by the flow's pages. */
  GObject *(*create_state) (void);
  /* NULL-terminated, in the order the wizard shows them. */
  const PvPageFactory *pages;
} PvFlowInfo;

const PvFlowInfo *const *pv_flows_get_registered (void);

G_END_DECLS
