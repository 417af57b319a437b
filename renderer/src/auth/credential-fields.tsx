import { useTranslation } from "react-i18next";

/** The username and password inputs, the same on the sign-in screen and the re-auth dialog. */
export function CredentialFields({
  username,
  password,
  onUsername,
  onPassword,
}: {
  username: string;
  password: string;
  onUsername(value: string): void;
  onPassword(value: string): void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <label>
        {t("login.username")}
        <input
          name="username"
          autoComplete="username"
          required
          value={username}
          onChange={(e) => onUsername(e.target.value)}
        />
      </label>
      <label>
        {t("login.password")}
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => onPassword(e.target.value)}
        />
      </label>
    </>
  );
}
