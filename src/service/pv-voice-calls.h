/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pv-contact-details.h"
#include "pv-emergency-address.h"
#include "pv-enums.h"
#include "pv-operator-plan.h"
#include "pv-operator.h"
#include "pv-organization.h"
#include "pv-phone-number.h"
#include "pv-service-client.h"
#include "pv-tenant-operator.h"
#include "pv-user.h"

G_BEGIN_DECLS

/* Typed calls for Operator Connect, phone numbers and emergency
 * addresses (docs/api.md), and the tenant facts the Connect an operator
 * wizard prefills from.
 *
 * Every refusal the contract documents comes back as a #PV_SERVICE_ERROR
 * whose message, in the user's language, says what is wrong and what to
 * do; pv_service_error_get_service_code() still gives the service's code
 * (for example "numbersStillAssigned") for callers that act on it.
 *
 * Writes are safe to call again after a failure: the ones the service
 * treats as the same change when repeated are sent as idempotent; the
 * others, when the connection failed before the answer, read the state
 * back and only send again when the change is not there. */

/* Graph's largest page; also the page size of pv_service_client_list_numbers_async()
 * when it is given 0. */
#define PV_NUMBERS_PAGE_SIZE 999

/**
 * PvNumberFilter:
 * @number_type: a #PvNumberType, or -1 for any
 * @status: a #PvNumberStatus, or -1 for any
 * @operator_id: (nullable): numbers of this operator
 * @country_code: (nullable): numbers of this country (ISO 3166 alpha-2)
 * @assigned_user_id: (nullable): numbers assigned to this user id
 * @location_id: (nullable): numbers using this emergency address
 * @telephone_number: (nullable): this E.164 number only
 *
 * What the service filters numbers on. Initialise with
 * pv_number_filter_init(); the strings are only read during the call.
 */
typedef struct
{
  int         number_type;
  int         status;
  const char *operator_id;
  const char *country_code;
  const char *assigned_user_id;
  const char *location_id;
  const char *telephone_number;
} PvNumberFilter;

void                pv_number_filter_init                           (PvNumberFilter         *filter);

/* The tenant and the signed-in administrator. */
void                pv_service_client_get_organization_async         (PvServiceClient        *self,
                                                                      GCancellable           *cancellable,
                                                                      GAsyncReadyCallback     callback,
                                                                      gpointer                user_data);
PvOrganization     *pv_service_client_get_organization_finish        (PvServiceClient        *self,
                                                                      GAsyncResult           *result,
                                                                      GError                **error);
void                pv_service_client_get_me_async                   (PvServiceClient        *self,
                                                                      GCancellable           *cancellable,
                                                                      GAsyncReadyCallback     callback,
                                                                      gpointer                user_data);
PvUser             *pv_service_client_get_me_finish                  (PvServiceClient        *self,
                                                                      GAsyncResult           *result,
                                                                      GError                **error);
void                pv_service_client_list_licence_skus_async        (PvServiceClient        *self,
                                                                      GListStore             *store,
                                                                      GCancellable           *cancellable,
                                                                      GAsyncReadyCallback     callback,
                                                                      gpointer                user_data);
gboolean            pv_service_client_list_licence_skus_finish       (PvServiceClient        *self,
                                                                      GAsyncResult           *result,
                                                                      GError                **error);
void                pv_service_client_list_voice_routing_policies_async  (PvServiceClient    *self,
                                                                          GListStore         *store,
                                                                          GCancellable       *cancellable,
                                                                          GAsyncReadyCallback callback,
                                                                          gpointer            user_data);
gboolean            pv_service_client_list_voice_routing_policies_finish (PvServiceClient    *self,
                                                                          GAsyncResult       *result,
                                                                          GError            **error);

/* The Operator Connect catalogue. */
void                pv_service_client_list_operators_async           (PvServiceClient        *self,
                                                                      const char             *region,
                                                                      PvOperatorServices      service,
                                                                      GListStore             *store,
                                                                      GCancellable           *cancellable,
                                                                      GAsyncReadyCallback     callback,
                                                                      gpointer                user_data);
gboolean            pv_service_client_list_operators_finish          (PvServiceClient        *self,
                                                                      GAsyncResult           *result,
                                                                      GError                **error);

/* The tenant's operators. */
void                pv_service_client_list_tenant_operators_async    (PvServiceClient        *self,
                                                                      GListStore             *store,
                                                                      GCancellable           *cancellable,
                                                                      GAsyncReadyCallback     callback,
                                                                      gpointer                user_data);
gboolean            pv_service_client_list_tenant_operators_finish   (PvServiceClient        *self,
                                                                      GAsyncResult           *result,
                                                                      GError                **error);
void                pv_service_client_get_tenant_operator_async      (PvServiceClient        *self,
                                                                      const char             *operator_id,
                                                                      GCancellable           *cancellable,
                                                                      GAsyncReadyCallback     callback,
                                                                      gpointer                user_data);
PvTenantOperator   *pv_service_client_get_tenant_operator_finish     (PvServiceClient        *self,
                                                                      GAsyncResult           *result,
                                                                      GError                **error);
void                pv_service_client_add_operator_async             (PvServiceClient        *self,
                                                                      PvOperator             *operator_,
                                                                      const char * const     *countries,
                                                                      PvContactDetails       *contact,
                                                                      gboolean                consent_given,
                                                                      GCancellable           *cancellable,
                                                                      GAsyncReadyCallback     callback,
                                                                      gpointer                user_data);
void                pv_service_client_add_operator_plan_async        (PvServiceClient        *self,
                                                                      PvOperatorPlan         *plan,
                                                                      GCancellable           *cancellable,
                                                                      GAsyncReadyCallback     callback,
                                                                      gpointer                user_data);
PvTenantOperator   *pv_service_client_add_operator_finish            (PvServiceClient        *self,
                                                                      GAsyncResult           *result,
                                                                      GError                **error);
void                pv_service_client_set_operator_countries_async   (PvServiceClient        *self,
                                                                      const char             *operator_id,
                                                                      const char * const     *countries,
                                                                      GCancellable           *cancellable,
                                                                      GAsyncReadyCallback     callback,
                                                                      gpointer                user_data);
PvTenantOperator   *pv_service_client_set_operator_countries_finish  (PvServiceClient        *self,
                                                                      GAsyncResult           *result,
                                                                      GError                **error);
void                pv_service_client_suspend_operator_async         (PvServiceClient        *self,
                                                                      const char             *operator_id,
                                                                      GCancellable           *cancellable,
                                                                      GAsyncReadyCallback     callback,
                                                                      gpointer                user_data);
PvTenantOperator   *pv_service_client_suspend_operator_finish        (PvServiceClient        *self,
                                                                      GAsyncResult           *result,
                                                                      GError                **error);
void                pv_service_client_resume_operator_async          (PvServiceClient        *self,
                                                                      const char             *operator_id,
                                                                      GCancellable           *cancellable,
                                                                      GAsyncReadyCallback     callback,
                                                                      gpointer                user_data);
PvTenantOperator   *pv_service_client_resume_operator_finish         (PvServiceClient        *self,
                                                                      GAsyncResult           *result,
                                                                      GError                **error);
void                pv_service_client_remove_operator_async          (PvServiceClient        *self,
                                                                      const char             *operator_id,
                                                                      GCancellable           *cancellable,
                                                                      GAsyncReadyCallback     callback,
                                                                      gpointer                user_data);
gboolean            pv_service_client_remove_operator_finish         (PvServiceClient        *self,
                                                                      GAsyncResult           *result,
                                                                      GError                **error);

/* Phone numbers. */
void                pv_service_client_list_numbers_async             (PvServiceClient        *self,
                                                                      const PvNumberFilter   *filter,
                                                                      guint                   page_size,
                                                                      GListStore             *store,
                                                                      GCancellable           *cancellable,
                                                                      GAsyncReadyCallback     callback,
                                                                      gpointer                user_data);
gboolean            pv_service_client_list_numbers_finish            (PvServiceClient        *self,
                                                                      GAsyncResult           *result,
                                                                      GError                **error);
void                pv_service_client_get_number_async               (PvServiceClient        *self,
                                                                      const char             *telephone_number,
                                                                      GCancellable           *cancellable,
                                                                      GAsyncReadyCallback     callback,
                                                                      gpointer                user_data);
PvPhoneNumber      *pv_service_client_get_number_finish              (PvServiceClient        *self,
                                                                      GAsyncResult           *result,
                                                                      GError                **error);
void                pv_service_client_assign_number_async            (PvServiceClient        *self,
                                                                      const char             *telephone_number,
                                                                      const char             *user_id,
                                                                      PvNumberType            number_type,
                                                                      const char             *location_id,
                                                                      GCancellable           *cancellable,
                                                                      GAsyncReadyCallback     callback,
                                                                      gpointer                user_data);
gboolean            pv_service_client_assign_number_finish           (PvServiceClient        *self,
                                                                      GAsyncResult           *result,
                                                                      GError                **error);
void                pv_service_client_unassign_number_async          (PvServiceClient        *self,
                                                                      const char             *telephone_number,
                                                                      PvNumberType            number_type,
                                                                      GCancellable           *cancellable,
                                                                      GAsyncReadyCallback     callback,
                                                                      gpointer                user_data);
gboolean            pv_service_client_unassign_number_finish         (PvServiceClient        *self,
                                                                      GAsyncResult           *result,
                                                                      GError                **error);
void                pv_service_client_update_number_async            (PvServiceClient        *self,
                                                                      const char             *telephone_number,
                                                                      const char             *location_id,
                                                                      GCancellable           *cancellable,
                                                                      GAsyncReadyCallback     callback,
                                                                      gpointer                user_data);
PvPhoneNumber      *pv_service_client_update_number_finish           (PvServiceClient        *self,
                                                                      GAsyncResult           *result,
                                                                      GError                **error);
void                pv_service_client_release_number_async           (PvServiceClient        *self,
                                                                      const char             *telephone_number,
                                                                      GCancellable           *cancellable,
                                                                      GAsyncReadyCallback     callback,
                                                                      gpointer                user_data);
gboolean            pv_service_client_release_number_finish          (PvServiceClient        *self,
                                                                      GAsyncResult           *result,
                                                                      GError                **error);

/* Emergency addresses. */
void                pv_service_client_list_emergency_addresses_async  (PvServiceClient       *self,
                                                                       GListStore            *store,
                                                                       GCancellable          *cancellable,
                                                                       GAsyncReadyCallback    callback,
                                                                       gpointer               user_data);
gboolean            pv_service_client_list_emergency_addresses_finish (PvServiceClient       *self,
                                                                       GAsyncResult          *result,
                                                                       GError               **error);
void                pv_service_client_get_emergency_address_async     (PvServiceClient       *self,
                                                                       const char            *id,
                                                                       GCancellable          *cancellable,
                                                                       GAsyncReadyCallback    callback,
                                                                       gpointer               user_data);
PvEmergencyAddress *pv_service_client_get_emergency_address_finish    (PvServiceClient       *self,
                                                                       GAsyncResult          *result,
                                                                       GError               **error);
void                pv_service_client_create_emergency_address_async  (PvServiceClient       *self,
                                                                       PvEmergencyAddress    *address,
                                                                       GCancellable          *cancellable,
                                                                       GAsyncReadyCallback    callback,
                                                                       gpointer               user_data);
PvEmergencyAddress *pv_service_client_create_emergency_address_finish (PvServiceClient       *self,
                                                                       GAsyncResult          *result,
                                                                       GError               **error);
void                pv_service_client_update_emergency_address_async  (PvServiceClient       *self,
                                                                       PvEmergencyAddress    *address,
                                                                       GCancellable          *cancellable,
                                                                       GAsyncReadyCallback    callback,
                                                                       gpointer               user_data);
PvEmergencyAddress *pv_service_client_update_emergency_address_finish (PvServiceClient       *self,
                                                                       GAsyncResult          *result,
                                                                       GError               **error);
void                pv_service_client_delete_emergency_address_async  (PvServiceClient       *self,
                                                                       const char            *id,
                                                                       GCancellable          *cancellable,
                                                                       GAsyncReadyCallback    callback,
                                                                       gpointer               user_data);
gboolean            pv_service_client_delete_emergency_address_finish (PvServiceClient       *self,
                                                                       GAsyncResult          *result,
                                                                       GError               **error);

G_END_DECLS
