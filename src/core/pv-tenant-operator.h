/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "pv-contact-details.h"

G_BEGIN_DECLS

/* The nick of every value is its spelling on the wire. */
typedef enum
{
  PV_OPERATOR_STATUS_ACTIVE,
  PV_OPERATOR_STATUS_SUSPENDED,
} PvOperatorStatus;

#define PV_TYPE_OPERATOR_STATUS (pv_operator_status_get_type ())
GType       pv_operator_status_get_type  (void) G_GNUC_CONST;
const char *pv_operator_status_get_label (PvOperatorStatus status);

#define PV_TYPE_TENANT_OPERATOR (pv_tenant_operator_get_type ())

G_DECLARE_FINAL_TYPE (PvTenantOperator, pv_tenant_operator, PV, TENANT_OPERATOR, GObject)

PvTenantOperator   *pv_tenant_operator_new                (void);
PvTenantOperator   *pv_tenant_operator_new_from_json      (JsonNode          *node,
                                                           const char        *path,
                                                           GError           **error);
JsonNode           *pv_tenant_operator_to_json            (PvTenantOperator  *self);
const char         *pv_tenant_operator_get_operator_id    (PvTenantOperator  *self);
void                pv_tenant_operator_set_operator_id    (PvTenantOperator  *self,
                                                           const char        *operator_id);
PvOperatorStatus    pv_tenant_operator_get_status         (PvTenantOperator  *self);
void                pv_tenant_operator_set_status         (PvTenantOperator  *self,
                                                           PvOperatorStatus   status);
const char * const *pv_tenant_operator_get_countries      (PvTenantOperator  *self);
void                pv_tenant_operator_set_countries      (PvTenantOperator  *self,
                                                           const char * const *countries);
gboolean            pv_tenant_operator_has_country        (PvTenantOperator  *self,
                                                           const char        *code);
PvContactDetails   *pv_tenant_operator_get_contact        (PvTenantOperator  *self);
void                pv_tenant_operator_set_contact        (PvTenantOperator  *self,
                                                           PvContactDetails  *contact);
gboolean            pv_tenant_operator_get_consent_given  (PvTenantOperator  *self);
void                pv_tenant_operator_set_consent_given  (PvTenantOperator  *self,
                                                           gboolean           consent_given);

G_END_DECLS
