package dev.warden.http.user;

import dev.warden.application.port.in.AddMachineUserUseCase;
import dev.warden.application.port.in.AddPersonalAccessTokenUseCase;
import dev.warden.application.port.in.ChangeUserStateUseCase;
import dev.warden.application.port.in.GetPersonalAccessTokenUseCase;
import dev.warden.application.port.in.GetUserUseCase;
import dev.warden.application.port.in.ListPersonalAccessTokensUseCase;
import dev.warden.application.port.in.ListUsersUseCase;
import dev.warden.application.port.in.RemovePersonalAccessTokenUseCase;
import dev.warden.application.port.in.RemoveUserUseCase;
import dev.warden.application.port.in.UpdateMachineUserUseCase;
import dev.warden.application.port.in.UpdateUserNameUseCase;

/** The user and personal-access-token use cases behind the user routes. */
public record UserUseCases(AddMachineUserUseCase addMachineUser, GetUserUseCase getUser,
                           UpdateMachineUserUseCase updateMachineUser, UpdateUserNameUseCase updateUserName,
                           ListUsersUseCase listUsers, ChangeUserStateUseCase changeUserState,
                           RemoveUserUseCase removeUser, AddPersonalAccessTokenUseCase addPersonalAccessToken,
                           GetPersonalAccessTokenUseCase getPersonalAccessToken,
                           ListPersonalAccessTokensUseCase listPersonalAccessTokens,
                           RemovePersonalAccessTokenUseCase removePersonalAccessToken) {
}
