/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "pv-validate.h"

G_DEFINE_QUARK (pv-validate-error-quark, pv_validate_error)

#define E164_MIN_DIGITS 7
#define E164_MAX_DIGITS 15
#define EMAIL_MAX_LENGTH 254
#define EMAIL_LOCAL_MAX_LENGTH 64
#define FQDN_MAX_LENGTH 253
#define LABEL_MAX_LENGTH 63

/* Checked first everywhere, so that the other messages can quote a
 * character from the input without producing invalid UTF-8 themselves. */
static gboolean
check_text (const char  *text,
            GError     **error)
{
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, PV_VALIDATE_ERROR, PV_VALIDATE_ERROR_ENCODING,
                           _("The text contains bytes that are not valid UTF-8; type it again."));
      return FALSE;
    }
  return TRUE;
}

/* The character at @p, as a string to quote in a message. */
static char *
char_at (const char *p)
{
  return g_utf8_substring (p, 0, 1);
}

gboolean
pv_validate_fqdn (const char  *text,
                  GError     **error)
{
  gsize len;
  gsize label_len = 0;
  guint n_labels = 1;
  const char *label_start;

  if (!check_text (text, error))
    return FALSE;

  if (text == NULL || *text == '\0')
    {
      g_set_error_literal (error, PV_VALIDATE_ERROR, PV_VALIDATE_ERROR_EMPTY,
                           _("Enter a fully qualified domain name, such as pool01.contoso.com."));
      return FALSE;
    }

  len = strlen (text);
  if (len > FQDN_MAX_LENGTH)
    {
      /* Translators: %d is the maximum length, 253. */
      g_set_error (error, PV_VALIDATE_ERROR, PV_VALIDATE_ERROR_TOO_LONG,
                   _("A domain name is at most %d characters long; shorten it."), FQDN_MAX_LENGTH);
      return FALSE;
    }

  label_start = text;
  for (const char *p = text; ; p++)
    {
      if (*p == '.' || *p == '\0')
        {
          if (label_len == 0)
            {
              g_set_error_literal (error, PV_VALIDATE_ERROR, PV_VALIDATE_ERROR_SYNTAX,
                                   _("A domain name cannot start or end with a dot or contain "
                                     "two dots in a row."));
              return FALSE;
            }
          if (*label_start == '-' || p[-1] == '-')
            {
              g_set_error_literal (error, PV_VALIDATE_ERROR, PV_VALIDATE_ERROR_SYNTAX,
                                   _("A part of a domain name cannot start or end with a hyphen."));
              return FALSE;
            }
          if (label_len > LABEL_MAX_LENGTH)
            {
              g_autofree char *label = g_strndup (label_start, label_len);

              /* Translators: %d is the maximum, 63; %s is the part that is too long. */
              g_set_error (error, PV_VALIDATE_ERROR, PV_VALIDATE_ERROR_TOO_LONG,
                           _("Each part of a domain name is at most %d characters long; "
                             "shorten “%s”."), LABEL_MAX_LENGTH, label);
              return FALSE;
            }
          if (*p == '\0')
            break;
          n_labels++;
          label_len = 0;
          label_start = p + 1;
          continue;
        }

      if (!g_ascii_isalnum (*p) && *p != '-')
        {
          g_autofree char *c = char_at (p);

          /* Translators: %s is one character of the input. */
          g_set_error (error, PV_VALIDATE_ERROR, PV_VALIDATE_ERROR_CHARACTER,
                       _("“%s” cannot appear in a domain name; use only letters without "
                         "accents, digits, hyphens and dots."), c);
          return FALSE;
        }
      label_len++;
    }

  if (n_labels < 2)
    {
      g_set_error_literal (error, PV_VALIDATE_ERROR, PV_VALIDATE_ERROR_SYNTAX,
                           _("Give the fully qualified name, with its domain, such as "
                             "pool01.contoso.com rather than pool01."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
is_atext (char c)
{
  return g_ascii_isalnum (c) || (c != '\0' && strchr ("!#$%&'*+/=?^_`{|}~-", c) != NULL);
}

gboolean
pv_validate_email (const char  *text,
                   GError     **error)
{
  const char *at;

  if (!check_text (text, error))
    return FALSE;

  if (text == NULL || *text == '\0')
    {
      g_set_error_literal (error, PV_VALIDATE_ERROR, PV_VALIDATE_ERROR_EMPTY,
                           _("Enter an e-mail address, such as jean.dupont@contoso.com."));
      return FALSE;
    }

  if (strlen (text) > EMAIL_MAX_LENGTH)
    {
      /* Translators: %d is the maximum length, 254. */
      g_set_error (error, PV_VALIDATE_ERROR, PV_VALIDATE_ERROR_TOO_LONG,
                   _("An e-mail address is at most %d characters long; shorten it."),
                   EMAIL_MAX_LENGTH);
      return FALSE;
    }

  at = strrchr (text, '@');
  if (at == NULL)
    {
      g_set_error_literal (error, PV_VALIDATE_ERROR, PV_VALIDATE_ERROR_SYNTAX,
                           _("An e-mail address needs an “@” between the name and the domain, "
                             "as in jean.dupont@contoso.com."));
      return FALSE;
    }

  if (at == text)
    {
      g_set_error_literal (error, PV_VALIDATE_ERROR, PV_VALIDATE_ERROR_SYNTAX,
                           _("Put the name before the “@”, as in jean.dupont@contoso.com."));
      return FALSE;
    }

  if ((gsize) (at - text) > EMAIL_LOCAL_MAX_LENGTH)
    {
      /* Translators: %d is the maximum length, 64. */
      g_set_error (error, PV_VALIDATE_ERROR, PV_VALIDATE_ERROR_TOO_LONG,
                   _("The part before the “@” is at most %d characters long; shorten it."),
                   EMAIL_LOCAL_MAX_LENGTH);
      return FALSE;
    }

  for (const char *p = text; p < at; p = g_utf8_next_char (p))
    {
      if (*p == '.')
        {
          if (p == text || p + 1 == at || p[1] == '.')
            {
              g_set_error_literal (error, PV_VALIDATE_ERROR, PV_VALIDATE_ERROR_SYNTAX,
                                   _("The part before the “@” cannot start or end with a dot or "
                                     "contain two dots in a row."));
              return FALSE;
            }
          continue;
        }
      if (!is_atext (*p))
        {
          g_autofree char *c = char_at (p);

          /* Translators: %s is one character of the input. */
          g_set_error (error, PV_VALIDATE_ERROR, PV_VALIDATE_ERROR_CHARACTER,
                       _("“%s” cannot appear in an e-mail address; remove it or use letters "
                         "without accents."), c);
          return FALSE;
        }
    }

  if (at[1] == '\0')
    {
      g_set_error_literal (error, PV_VALIDATE_ERROR, PV_VALIDATE_ERROR_SYNTAX,
                           _("Put the domain after the “@”, as in jean.dupont@contoso.com."));
      return FALSE;
    }

  return pv_validate_fqdn (at + 1, error);
}

gboolean
pv_validate_e164 (const char  *text,
                  GError     **error)
{
  guint n_digits = 0;

  if (!check_text (text, error))
    return FALSE;

  if (text == NULL || *text == '\0')
    {
      g_set_error_literal (error, PV_VALIDATE_ERROR, PV_VALIDATE_ERROR_EMPTY,
                           _("Enter a phone number in E.164 form, such as +33142685300."));
      return FALSE;
    }

  if (g_ascii_strncasecmp (text, "tel:", 4) == 0)
    {
      g_set_error_literal (error, PV_VALIDATE_ERROR, PV_VALIDATE_ERROR_SYNTAX,
                           _("Leave out the “tel:” prefix and enter the number alone, such as "
                             "+33142685300."));
      return FALSE;
    }

  if (*text != '+')
    {
      g_set_error_literal (error, PV_VALIDATE_ERROR, PV_VALIDATE_ERROR_SYNTAX,
                           _("Start the number with “+” and the country code, as in "
                             "+33142685300."));
      return FALSE;
    }

  for (const char *p = text + 1; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_ascii_isdigit (*p))
        {
          if (n_digits == 0 && *p == '0')
            {
              g_set_error_literal (error, PV_VALIDATE_ERROR, PV_VALIDATE_ERROR_SYNTAX,
                                   _("A country code never starts with 0; check the digits "
                                     "after “+”."));
              return FALSE;
            }
          n_digits++;
          continue;
        }
      if (strchr (" -.()/", *p) != NULL || g_unichar_isspace (g_utf8_get_char (p)))
        {
          g_set_error_literal (error, PV_VALIDATE_ERROR, PV_VALIDATE_ERROR_CHARACTER,
                               _("Remove the spaces, dashes, dots and brackets: an E.164 number "
                                 "is written as digits only after “+”."));
          return FALSE;
        }
      if (*p == ';')
        {
          g_set_error_literal (error, PV_VALIDATE_ERROR, PV_VALIDATE_ERROR_SYNTAX,
                               _("An extension is not part of an E.164 number; enter the number "
                                 "alone, or a line URI such as tel:+14255551297;ext=51297."));
          return FALSE;
        }
      {
        g_autofree char *c = char_at (p);

        /* Translators: %s is one character of the input. */
        g_set_error (error, PV_VALIDATE_ERROR, PV_VALIDATE_ERROR_CHARACTER,
                     _("“%s” cannot appear in a phone number; use only digits after “+”."), c);
        return FALSE;
      }
    }

  if (n_digits < E164_MIN_DIGITS)
    {
      /* Translators: the first %u is the minimum (7), the second the count found. */
      g_set_error (error, PV_VALIDATE_ERROR, PV_VALIDATE_ERROR_TOO_SHORT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "An E.164 number has at least %u digits after “+”, country code "
                                "included; this one has %u digit.",
                                "An E.164 number has at least %u digits after “+”, country code "
                                "included; this one has %u digits.",
                                n_digits),
                   E164_MIN_DIGITS, n_digits);
      return FALSE;
    }

  if (n_digits > E164_MAX_DIGITS)
    {
      /* Translators: the first %u is the maximum (15), the second the count found. */
      g_set_error (error, PV_VALIDATE_ERROR, PV_VALIDATE_ERROR_TOO_LONG,
                   g_dngettext (GETTEXT_PACKAGE,
                                "An E.164 number has at most %u digits after “+”; this one has "
                                "%u digit.",
                                "An E.164 number has at most %u digits after “+”; this one has "
                                "%u digits.",
                                n_digits),
                   E164_MAX_DIGITS, n_digits);
      return FALSE;
    }

  return TRUE;
}

gboolean
pv_validate_line_uri (const char  *text,
                      GError     **error)
{
  g_autofree char *number = NULL;
  const char *params;

  if (!check_text (text, error))
    return FALSE;

  if (text == NULL || *text == '\0')
    {
      g_set_error_literal (error, PV_VALIDATE_ERROR, PV_VALIDATE_ERROR_EMPTY,
                           _("Enter a line URI such as tel:+14255551297, or "
                             "tel:+14255551297;ext=51297 for an extension."));
      return FALSE;
    }

  if (g_ascii_strncasecmp (text, "tel:", 4) != 0)
    {
      g_set_error_literal (error, PV_VALIDATE_ERROR, PV_VALIDATE_ERROR_SYNTAX,
                           _("A line URI starts with “tel:”, as in tel:+14255551297."));
      return FALSE;
    }

  params = strchr (text + 4, ';');
  number = params != NULL ? g_strndup (text + 4, params - (text + 4)) : g_strdup (text + 4);
  if (!pv_validate_e164 (number, error))
    return FALSE;

  if (params == NULL)
    return TRUE;

  if (g_ascii_strncasecmp (params, ";ext=", 5) != 0)
    {
      g_set_error_literal (error, PV_VALIDATE_ERROR, PV_VALIDATE_ERROR_SYNTAX,
                           _("Only an extension may follow the number, written “;ext=” and "
                             "digits, as in tel:+14255551297;ext=51297."));
      return FALSE;
    }

  if (params[5] == '\0')
    {
      g_set_error_literal (error, PV_VALIDATE_ERROR, PV_VALIDATE_ERROR_SYNTAX,
                           _("Put the extension digits after “;ext=”, or remove “;ext=”."));
      return FALSE;
    }

  for (const char *p = params + 5; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      {
        g_set_error_literal (error, PV_VALIDATE_ERROR, PV_VALIDATE_ERROR_CHARACTER,
                             _("An extension is digits only, as in ;ext=51297, and nothing may "
                               "follow it."));
        return FALSE;
      }

  return TRUE;
}

/* RFC 3261 user part: unreserved (alphanum and the marks - _ . ! ~ * ' ( ))
 * plus user-unreserved (& = + $ , ; ? /).  Escapes (%XX) are not accepted:
 * nobody types them and they hide what the address really is. */
gboolean
pv_sip_user_char_is_allowed (char c)
{
  return g_ascii_isalnum (c) || (c != '\0' && strchr ("-_.!~*'()&=+$,;?/", c) != NULL);
}

/* Legal by RFC 3261 but refused: “&” breaks a Front End restart
 * (KB2912334), and the other user-unreserved characters are URI
 * delimiters that tools and servers split addresses on. */
gboolean
pv_sip_user_char_is_refused (char c)
{
  return c != '\0' && strchr ("&=+$,;?/", c) != NULL;
}

gboolean
pv_validate_sip_user_part (const char  *user,
                           GError     **error)
{
  if (!check_text (user, error))
    return FALSE;

  if (user == NULL || *user == '\0')
    {
      g_set_error_literal (error, PV_VALIDATE_ERROR, PV_VALIDATE_ERROR_EMPTY,
                           _("Put a user name before the “@” of the SIP address."));
      return FALSE;
    }

  for (const char *p = user; *p != '\0'; p = g_utf8_next_char (p))
    {
      g_autofree char *c = NULL;

      if (pv_sip_user_char_is_refused (*p))
        {
          c = char_at (p);
          /* Translators: %s is one character of the input, such as “&”. */
          g_set_error (error, PV_VALIDATE_ERROR, PV_VALIDATE_ERROR_REFUSED_CHARACTER,
                       _("“%s” is refused in a SIP address because servers are known to fail "
                         "on it; remove it."), c);
          return FALSE;
        }
      if (!pv_sip_user_char_is_allowed (*p))
        {
          c = char_at (p);
          /* Translators: %s is one character of the input. */
          g_set_error (error, PV_VALIDATE_ERROR, PV_VALIDATE_ERROR_CHARACTER,
                       _("“%s” cannot appear in a SIP address; use letters without accents, "
                         "digits and . - _ ! ~ * ' ( )."), c);
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
pv_validate_sip_uri (const char  *text,
                     GError     **error)
{
  g_autofree char *user = NULL;
  const char *at;
  gsize len;

  if (!check_text (text, error))
    return FALSE;

  if (text == NULL || *text == '\0')
    {
      g_set_error_literal (error, PV_VALIDATE_ERROR, PV_VALIDATE_ERROR_EMPTY,
                           _("Enter a SIP URI, such as sip:jean.dupont@contoso.com."));
      return FALSE;
    }

  if (g_ascii_strncasecmp (text, "sip:", 4) != 0)
    {
      g_set_error_literal (error, PV_VALIDATE_ERROR, PV_VALIDATE_ERROR_SYNTAX,
                           _("A SIP URI starts with “sip:”, as in sip:jean.dupont@contoso.com."));
      return FALSE;
    }

  len = g_utf8_strlen (text, -1);
  if (len > PV_SIP_URI_MAX_LENGTH)
    {
      /* Translators: the first %u is the limit (454), the second the length found. */
      g_set_error (error, PV_VALIDATE_ERROR, PV_VALIDATE_ERROR_TOO_LONG,
                   g_dngettext (GETTEXT_PACKAGE,
                                "A SIP URI is at most %u characters long, “sip:” included; this "
                                "one has %u character.",
                                "A SIP URI is at most %u characters long, “sip:” included; this "
                                "one has %u characters.",
                                len),
                   (guint) PV_SIP_URI_MAX_LENGTH, (guint) len);
      return FALSE;
    }

  at = strrchr (text + 4, '@');
  if (at == NULL)
    {
      g_set_error_literal (error, PV_VALIDATE_ERROR, PV_VALIDATE_ERROR_SYNTAX,
                           _("A SIP URI needs an “@” between the user name and the SIP domain, "
                             "as in sip:jean.dupont@contoso.com."));
      return FALSE;
    }

  user = g_strndup (text + 4, at - (text + 4));
  if (!pv_validate_sip_user_part (user, error))
    return FALSE;

  if (at[1] == '\0')
    {
      g_set_error_literal (error, PV_VALIDATE_ERROR, PV_VALIDATE_ERROR_SYNTAX,
                           _("Put the SIP domain after the “@”, as in "
                             "sip:jean.dupont@contoso.com."));
      return FALSE;
    }

  return pv_validate_fqdn (at + 1, error);
}

gboolean
pv_validate_company_size (const char  *text,
                          int         *size,
                          GError     **error)
{
  g_autofree char *stripped = NULL;
  guint64 value = 0;

  if (!check_text (text, error))
    return FALSE;

  stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (*stripped == '\0')
    {
      g_set_error_literal (error, PV_VALIDATE_ERROR, PV_VALIDATE_ERROR_EMPTY,
                           _("Enter the number of employees of your company; the company size "
                             "is required."));
      return FALSE;
    }

  for (const char *p = stripped; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        {
          g_set_error_literal (error, PV_VALIDATE_ERROR, PV_VALIDATE_ERROR_SYNTAX,
                               _("Enter the company size as a whole number of employees, "
                                 "digits only, such as 250."));
          return FALSE;
        }
      /* Saturate rather than overflow on a hostile run of digits. */
      if (value <= PV_COMPANY_SIZE_MAX)
        value = value * 10 + (guint64) (*p - '0');
    }

  if (value == 0)
    {
      g_set_error_literal (error, PV_VALIDATE_ERROR, PV_VALIDATE_ERROR_OUT_OF_RANGE,
                           _("A company has at least one employee; enter 1 or more."));
      return FALSE;
    }

  if (value > PV_COMPANY_SIZE_MAX)
    {
      /* Translators: %d is the maximum, 10000000. */
      g_set_error (error, PV_VALIDATE_ERROR, PV_VALIDATE_ERROR_OUT_OF_RANGE,
                   _("Enter a company size of at most %d employees."), PV_COMPANY_SIZE_MAX);
      return FALSE;
    }

  if (size != NULL)
    *size = (int) value;
  return TRUE;
}
