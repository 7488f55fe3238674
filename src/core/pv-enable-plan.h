/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pv-enable-entry.h"
#include "pv-enums.h"
#include "pv-pool.h"
#include "pv-user.h"

G_BEGIN_DECLS

#define PV_TYPE_ENABLE_PLAN (pv_enable_plan_get_type ())

G_DECLARE_FINAL_TYPE (PvEnablePlan, pv_enable_plan, PV, ENABLE_PLAN, GObject)

PvEnablePlan *pv_enable_plan_new                   (void);

GListModel   *pv_enable_plan_get_selection         (PvEnablePlan        *self);
void          pv_enable_plan_set_selection         (PvEnablePlan        *self,
                                                    GListModel          *selection);
PvPool       *pv_enable_plan_get_pool              (PvEnablePlan        *self);
void          pv_enable_plan_set_pool              (PvEnablePlan        *self,
                                                    PvPool              *pool);
PvSipFormat   pv_enable_plan_get_format            (PvEnablePlan        *self);
void          pv_enable_plan_set_format            (PvEnablePlan        *self,
                                                    PvSipFormat          format);
const char   *pv_enable_plan_get_domain            (PvEnablePlan        *self);
void          pv_enable_plan_set_domain            (PvEnablePlan        *self,
                                                    const char          *domain);
gboolean      pv_enable_plan_get_dry_run           (PvEnablePlan        *self);
void          pv_enable_plan_set_dry_run           (PvEnablePlan        *self,
                                                    gboolean             dry_run);
gboolean      pv_enable_plan_get_skip_problems     (PvEnablePlan        *self);
void          pv_enable_plan_set_skip_problems     (PvEnablePlan        *self,
                                                    gboolean             skip_problems);
guint         pv_enable_plan_get_n_to_enable       (PvEnablePlan        *self);
GListModel   *pv_enable_plan_get_sip_domains       (PvEnablePlan        *self);
void          pv_enable_plan_set_sip_domains       (PvEnablePlan        *self,
                                                    GListModel          *sip_domains);
void          pv_enable_plan_set_existing_addresses (PvEnablePlan       *self,
                                                     const char * const *addresses);
void          pv_enable_plan_set_override          (PvEnablePlan        *self,
                                                    const char          *user_id,
                                                    const char          *address);
const char   *pv_enable_plan_get_override          (PvEnablePlan        *self,
                                                    const char          *user_id);
void          pv_enable_plan_refresh               (PvEnablePlan        *self);
void          pv_enable_plan_set_deferred          (PvEnablePlan        *self,
                                                    gboolean             deferred);
gboolean      pv_enable_plan_get_deferred          (PvEnablePlan        *self);
void          pv_enable_plan_set_thread_threshold  (PvEnablePlan        *self,
                                                    guint                n_people);
gboolean      pv_enable_plan_get_resolving         (PvEnablePlan        *self);
void          pv_enable_plan_flush                 (PvEnablePlan        *self);
GListModel   *pv_enable_plan_get_entries           (PvEnablePlan        *self);
guint         pv_enable_plan_get_n_problems        (PvEnablePlan        *self);
gboolean      pv_enable_plan_get_step_status       (PvEnablePlan        *self,
                                                    PvEnableStep         step,
                                                    char               **reason);
gboolean      pv_enable_plan_is_complete           (PvEnablePlan        *self,
                                                    char               **reason);
char         *pv_enable_plan_dup_summary           (PvEnablePlan        *self);

G_END_DECLS
