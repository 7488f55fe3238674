/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "pv-enums.h"
#include "pv-user.h"

G_BEGIN_DECLS

#define PV_TYPE_ENABLE_ENTRY (pv_enable_entry_get_type ())

G_DECLARE_FINAL_TYPE (PvEnableEntry, pv_enable_entry, PV, ENABLE_ENTRY, GObject)

/* One row of the sign-in name preview: a person and what the plan
 * computed for them.  Read-only for the UI; the plan updates it. */
PvUser      *pv_enable_entry_get_user       (PvEnableEntry *self);
const char  *pv_enable_entry_get_address    (PvEnableEntry *self);
PvSipStatus  pv_enable_entry_get_status     (PvEnableEntry *self);
const char  *pv_enable_entry_get_message    (PvEnableEntry *self);
const char  *pv_enable_entry_get_hint       (PvEnableEntry *self);
const char  *pv_enable_entry_get_suggestion (PvEnableEntry *self);
int          pv_enable_entry_get_problem    (PvEnableEntry *self);

/* For the plan. */
PvEnableEntry *pv_enable_entry_new          (PvUser        *user);
void           pv_enable_entry_update       (PvEnableEntry *self,
                                             PvSipStatus    status,
                                             const char    *address,
                                             int            problem,
                                             const char    *message,
                                             const char    *hint,
                                             const char    *suggestion);

G_END_DECLS
