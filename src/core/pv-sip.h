/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "pv-enums.h"

G_BEGIN_DECLS

#define PV_SIP_ERROR (pv_sip_error_quark ())

typedef enum
{
  PV_SIP_ERROR_NO_EMAIL,
  PV_SIP_ERROR_NO_UPN,
  PV_SIP_ERROR_NO_GIVEN_NAME,
  PV_SIP_ERROR_NO_SURNAME,
  PV_SIP_ERROR_NO_NAMES,
  PV_SIP_ERROR_NO_SAM,
  PV_SIP_ERROR_NOTHING_USABLE,
  PV_SIP_ERROR_NO_DOMAIN,
  PV_SIP_ERROR_UNKNOWN_DOMAIN,
  PV_SIP_ERROR_INVALID_ADDRESS,
  PV_SIP_ERROR_REFUSED_CHARACTER,
  PV_SIP_ERROR_TOO_LONG,
  PV_SIP_ERROR_DUPLICATE,
} PvSipError;

GQuark pv_sip_error_quark (void);

/* What the engine reads of a person.  The strings are borrowed for the
 * duration of the call; any of them may be NULL or empty. */
typedef struct
{
  const char *id;
  const char *display_name;
  const char *given_name;
  const char *surname;
  const char *mail;
  const char *user_principal_name;
  const char *sam_account_name;
  /* Takes precedence over the format: an address typed for this person. */
  const char *explicit_address;
  /* The address the person already holds; finding it again is no clash. */
  const char *current_address;
} PvSipPerson;

#define PV_TYPE_SIP_RESULT (pv_sip_result_get_type ())

typedef struct
{
  PvSipStatus  status;
  /* "sip:user@domain"; set for ok and duplicate, NULL for a problem. */
  char        *address;
  /* PV_SIP_ERROR with a translated reason; NULL when ok. */
  GError      *problem;
  /* For a duplicate: a free address to offer instead, or NULL. */
  char        *suggestion;
  /* For a problem: the formats that would give this person an address,
   * as a mask of 1 << PvSipFormat, and the same as a translated sentence. */
  guint        working_formats;
  char        *hint;
} PvSipResult;

GType        pv_sip_result_get_type     (void) G_GNUC_CONST;
PvSipResult *pv_sip_result_copy         (const PvSipResult *result);
void         pv_sip_result_free         (PvSipResult       *result);
const char  *pv_sip_result_get_message  (const PvSipResult *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PvSipResult, pv_sip_result_free)

#define PV_TYPE_SIP_ENGINE (pv_sip_engine_get_type ())

G_DECLARE_FINAL_TYPE (PvSipEngine, pv_sip_engine, PV, SIP_ENGINE, GObject)

PvSipEngine *pv_sip_engine_new             (void);
void         pv_sip_engine_set_domains     (PvSipEngine        *self,
                                            const char * const *domains);
gboolean     pv_sip_engine_has_domain      (PvSipEngine        *self,
                                            const char         *domain);
void         pv_sip_engine_clear_existing  (PvSipEngine        *self);
void         pv_sip_engine_add_existing    (PvSipEngine        *self,
                                            const char         *address);
gboolean     pv_sip_engine_is_existing     (PvSipEngine        *self,
                                            const char         *address);
PvSipResult *pv_sip_engine_address_for     (PvSipEngine        *self,
                                            PvSipFormat         format,
                                            const char         *domain,
                                            const PvSipPerson  *person);
GPtrArray   *pv_sip_engine_resolve         (PvSipEngine        *self,
                                            PvSipFormat         format,
                                            const char         *domain,
                                            const PvSipPerson  *people,
                                            gsize               n_people);

char        *pv_sip_transliterate          (const char         *text);
char        *pv_sip_user_part_from_name    (const char         *name);
char        *pv_sip_normalize_address      (const char         *address);
gboolean     pv_sip_format_needs_domain    (PvSipFormat         format);
const char  *pv_sip_format_get_label       (PvSipFormat         format);
const char  *pv_sip_format_get_short_name  (PvSipFormat         format);
char        *pv_sip_formats_to_string      (guint               formats);

G_END_DECLS
