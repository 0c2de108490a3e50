import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { errorCode } from '../graphql/errors';

export type ErrorContext = 'claim' | 'placeEdit' | 'request' | 'generic';

/** Plain words for an error, from its extensions.code. */
export function useErrorText() {
  const { t } = useTranslation();
  return (error: CombinedError, context: ErrorContext = 'generic', action?: string): string => {
    switch (errorCode(error)) {
      case 'CONFLICT':
        if (context === 'claim') return t('errors.claimConflict');
        if (context === 'placeEdit') return t('errors.staleEdit');
        return t('errors.conflict');
      case 'FORBIDDEN':
        return t('errors.forbidden', { action: action ?? t('errors.thisAction') });
      case 'UNAVAILABLE':
      case 'NETWORK':
        return t('errors.unavailable');
      case 'BAD_USER_INPUT':
        return t('errors.badInput');
      case 'NOT_FOUND':
        return t('errors.notFound');
      case 'RATE_LIMITED':
        return t('errors.rateLimited');
      case 'UNAUTHENTICATED':
        return t('errors.unauthenticated');
      default:
        return t('errors.unexpected');
    }
  };
}
