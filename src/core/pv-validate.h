/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PV_VALIDATE_ERROR (pv_validate_error_quark ())

typedef enum
{
  PV_VALIDATE_ERROR_EMPTY,
  PV_VALIDATE_ERROR_ENCODING,
  PV_VALIDATE_ERROR_SYNTAX,
  PV_VALIDATE_ERROR_CHARACTER,
  PV_VALIDATE_ERROR_REFUSED_CHARACTER,
  PV_VALIDATE_ERROR_TOO_LONG,
  PV_VALIDATE_ERROR_TOO_SHORT,
  PV_VALIDATE_ERROR_OUT_OF_RANGE,
} PvValidateError;

/* "sip:" included, as Lync and Skype for Business count it. */
#define PV_SIP_URI_MAX_LENGTH 454
#define PV_COMPANY_SIZE_MAX 10000000

GQuark   pv_validate_error_quark     (void);

/* Every validator accepts any bytes, NULL included, and on failure sets
 * a translated message that says how to fix the input. */
gboolean pv_validate_email           (const char  *text,
                                      GError     **error);
gboolean pv_validate_e164            (const char  *text,
                                      GError     **error);
gboolean pv_validate_line_uri        (const char  *text,
                                      GError     **error);
gboolean pv_validate_fqdn            (const char  *text,
                                      GError     **error);
gboolean pv_validate_sip_user_part   (const char  *user,
                                      GError     **error);
gboolean pv_validate_sip_uri         (const char  *text,
                                      GError     **error);
gboolean pv_validate_company_size    (const char  *text,
                                      int         *size,
                                      GError     **error);

gboolean pv_sip_user_char_is_allowed (char         c);
gboolean pv_sip_user_char_is_refused (char         c);

G_END_DECLS
