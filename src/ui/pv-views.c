/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "manage/pv-numbers-view.h"
#include "manage/pv-operators-view.h"
#include "pv-view.h"

/* The one table of views, next to the table of flows: the start page's
 * "Manage" group offers exactly these, in this order. */
static const PvViewInfo operators_view_info = {
  "operators",
  N_("My Operators"),
  N_("The Operator Connect operators you added: their status and countries. Suspend, resume or remove them."),
  "call-start-symbolic",
  pv_operators_view_get_type,
};

static const PvViewInfo numbers_view_info = {
  "numbers",
  N_("Phone Numbers"),
  N_("Every phone number of the tenant: assign, unassign and release them, and set their emergency addresses."),
  "phone-symbolic",
  pv_numbers_view_get_type,
};

static const PvViewInfo *const registered_views[] = {
  &operators_view_info,
  &numbers_view_info,
  NULL
};

const PvViewInfo *const *
pv_views_get_registered (void)
{
  return registered_views;
}

const PvViewInfo *
pv_views_lookup (const char *id)
{
  for (guint i = 0; registered_views[i] != NULL; i++)
    if (g_strcmp0 (registered_views[i]->id, id) == 0)
      return registered_views[i];
  return NULL;
}
